import { Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, RequireToken } from '@handoff/platform-runtime';
import { ErasureView, LeadContactView } from './contact.dto';
import { ContactVault } from './contact-vault.service';

const ERRORS = { 400: 'The id is not a UUID', 404: 'No lead has this id' };

@ApiTags('contacts')
@Controller('leads/:id')
export class ContactsController {
  constructor(private readonly vault: ContactVault) {}

  @Get('contact')
  @RequireToken('contact')
  @ApiOkResponse({ type: LeadContactView })
  @ApiErrorResponses({
    ...ERRORS,
    410: 'The personal data of the lead was erased: the message says when',
    503: 'The secret key configured does not open the entry (see README, changing INGEST_SECRET_KEY)',
  })
  async contact(@Param('id', ParseUUIDPipe) id: string): Promise<LeadContactView> {
    return LeadContactView.of(await this.vault.read(id, 'contact'));
  }

  @Delete('personal-data')
  @RequireToken('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ErasureView, description: 'Erased (again: the first erasure time is kept)' })
  @ApiErrorResponses(ERRORS)
  async erase(@Param('id', ParseUUIDPipe) id: string): Promise<ErasureView> {
    return ErasureView.of(await this.vault.erase(id, 'admin'));
  }
}
