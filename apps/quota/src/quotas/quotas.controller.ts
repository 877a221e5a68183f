import { Body, Controller, Delete, Get, HttpCode, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, answerPut, ApiErrorResponses, ApiIdParam, IdParam, RequireToken } from '@handoff/platform-runtime';
import type { Response } from 'express';
import { QuotaBodyDto, QuotaDto, QuotaListDto, QuotaListQuery } from './quota.dto';
import { QuotasService } from './quotas.service';

/** Quotas per rep and team: what each owner should reach in a period, and how fast. */
@ApiTags('quotas')
@Controller('quotas')
export class QuotasController {
  constructor(private readonly quotas: QuotasService) {}

  @Get()
  @RequireToken('read', 'admin')
  @ApiOperation({ summary: 'Quotas, optionally of one period, owner kind or owner' })
  @ApiOkResponse({ type: QuotaListDto })
  @ApiErrorResponses({ 400: 'A filter is invalid: errors lists each' })
  async list(@Query() query: QuotaListQuery): Promise<QuotaListDto> {
    const filter = {
      periodId: query.period,
      ownerKind: query.ownerKind,
      ownerIds: query.ownerId === undefined ? undefined : [query.ownerId],
    };
    return { quotas: await this.quotas.list(filter) };
  }

  @Get(':id')
  @RequireToken('read', 'admin')
  @ApiIdParam('quota', 'ana-fy2027-q1')
  @ApiOperation({ summary: 'One quota' })
  @ApiOkResponse({ type: QuotaDto })
  @ApiErrorResponses({ 400: 'The id is not a valid id', 404: 'No quota has this id' })
  get(@IdParam() id: string): Promise<QuotaDto> {
    return this.quotas.get(id);
  }

  @Put(':id')
  @AdminOnly()
  @ApiIdParam('quota', 'ana-fy2027-q1')
  @ApiOperation({
    summary: 'Create or replace a quota',
    description:
      'The period is a fiscal period id on the configured calendar (QUOTA_FISCAL_YEAR_START_MONTH, ' +
      'QUOTA_TIME_ZONE) or custom bounds; a custom period may not borrow a fiscal id unless it has its bounds. ' +
      'At least one target; revenue in an ISO 4217 currency. One quota per owner and period.',
  })
  @ApiOkResponse({ type: QuotaDto, description: 'Replaced' })
  @ApiCreatedResponse({ type: QuotaDto, description: 'Created' })
  @ApiErrorResponses({
    400: 'A field is invalid (shape, an unknown fiscal period, no target, a bad currency or curve): errors lists each',
    409: 'Another quota (named in the message) already holds this owner and period',
  })
  async put(
    @IdParam() id: string,
    @Body() body: QuotaBodyDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<QuotaDto> {
    return answerPut(response, await this.quotas.put(id, body));
  }

  @Delete(':id')
  @AdminOnly()
  @HttpCode(204)
  @ApiIdParam('quota', 'ana-fy2027-q1')
  @ApiOperation({ summary: 'Delete a quota' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses({ 400: 'The id is not a valid id', 404: 'No quota has this id' })
  delete(@IdParam() id: string): Promise<void> {
    return this.quotas.delete(id);
  }
}
