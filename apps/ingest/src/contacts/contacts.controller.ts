import {
  Controller,
  Delete,
  Get,
  GoneException,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, RequireToken } from '@handoff/platform-runtime';
import { ErasureView, LeadContactView } from './contact.dto';
import { ContactVaultError } from './contact-vault.errors';
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
    return LeadContactView.of(await httpErrorsOf(this.vault.read(id, 'contact')));
  }

  @Delete('personal-data')
  @RequireToken('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ErasureView, description: 'Erased (again: the first erasure time is kept)' })
  @ApiErrorResponses(ERRORS)
  async erase(@Param('id', ParseUUIDPipe) id: string): Promise<ErasureView> {
    return ErasureView.of(await httpErrorsOf(this.vault.erase(id, 'admin')));
  }
}

async function httpErrorsOf<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof ContactVaultError)) throw error;
    if (error.code === 'lead_not_found') throw new NotFoundException(error.message);
    if (error.code === 'contact_erased') throw new GoneException(error.message);
    throw new ServiceUnavailableException(`contact vault misconfigured: ${error.message}`);
  }
}
