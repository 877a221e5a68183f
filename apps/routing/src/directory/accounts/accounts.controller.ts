import { Body, Controller, Delete, Get, HttpCode, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiErrorResponses, RequireToken, ApiIdParam, IdParam, answerPut } from '@handoff/platform-runtime';
import type { Response } from 'express';
import { AccountBodyDto, AccountDto, AccountListDto } from './account.dto';
import { AccountsService } from './accounts.service';

@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @RequireToken('read', 'admin')
  @ApiOperation({ summary: 'Every account' })
  @ApiOkResponse({ type: AccountListDto })
  async list(): Promise<AccountListDto> {
    return { accounts: await this.accounts.list() };
  }

  @Get(':id')
  @RequireToken('read', 'admin')
  @ApiIdParam('account', 'acme')
  @ApiOperation({ summary: 'One account' })
  @ApiOkResponse({ type: AccountDto })
  @ApiErrorResponses({ 400: 'The id is not a valid id', 404: 'No account has this id' })
  get(@IdParam() id: string): Promise<AccountDto> {
    return this.accounts.get(id);
  }

  @Put(':id')
  @AdminOnly()
  @ApiIdParam('account', 'acme')
  @ApiOperation({ summary: 'Create or replace an account' })
  @ApiOkResponse({ type: AccountDto, description: 'Replaced' })
  @ApiCreatedResponse({ type: AccountDto, description: 'Created' })
  @ApiErrorResponses({
    400: 'A field is invalid, or ownerRepId names no rep: errors lists each',
    409: 'A domain belongs to another account (errors names it)',
  })
  async put(@IdParam() id: string, @Body() body: AccountBodyDto, @Res({ passthrough: true }) response: Response) {
    return answerPut<AccountDto>(response, await this.accounts.put(id, body));
  }

  @Delete(':id')
  @AdminOnly()
  @HttpCode(204)
  @ApiIdParam('account', 'acme')
  @ApiOperation({ summary: 'Delete an account' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses({ 404: 'No account has this id' })
  delete(@IdParam() id: string): Promise<void> {
    return this.accounts.delete(id);
  }
}
