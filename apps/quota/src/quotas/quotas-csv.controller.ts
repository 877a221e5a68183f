import { Body, Controller, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  answerCsvImport,
  CsvExportRoute,
  CsvImportResultDto,
  CsvImportRoute,
  sendCsv,
} from '@handoff/platform-runtime';
import type { Response } from 'express';
import { QuotasService } from './quotas.service';

const QUOTA_COLUMNS =
  'Columns (header line first, any order): id, owner_kind (rep or team) and owner_id required; the period as a ' +
  'fiscal id in period (FY2027-Q1) or custom bounds in period_id, period_start and period_end (ISO 8601 instants); ' +
  'revenue_amount with revenue_currency, deals_won, leads_accepted, meetings_held (at least one target); curve ' +
  '(linear, the default, or the points as JSON: [[0,0],[0.5,0.3],[1,1]]).';
const IMPORT_RULES =
  'Every row is checked with the rules of PUT /quotas/:id, and that no other row or stored quota holds its owner ' +
  'and period. All or nothing: 200 when every row was written (in one transaction); 400 listing each rejected row ' +
  'with every failing column when any failed, and nothing written. A bad header, a body that is not CSV, or ' +
  'another Content-Type than text/csv rejects the whole file (400 error body).';

/** Quotas as a CSV file: export what is stored, import what a planning spreadsheet exported. */
@ApiTags('quotas')
@Controller()
export class QuotasCsvController {
  constructor(private readonly quotas: QuotasService) {}

  @CsvExportRoute('quotas.csv', { summary: 'Every quota as CSV', description: QUOTA_COLUMNS })
  async export(@Res() response: Response): Promise<void> {
    sendCsv(response, 'quotas.csv', await this.quotas.exportCsv());
  }

  @CsvImportRoute(
    'quotas.csv',
    {
      summary: 'Create or replace quotas from a CSV file',
      description: `${QUOTA_COLUMNS} ${IMPORT_RULES}`,
    },
    {
      imported: 'Every row imported',
      rejected: 'Some rows failed, nothing imported (result body listing them), or the file is invalid (error body)',
      tooLarge: 'The file is over QUOTA_CSV_MAX_BYTES (5 MiB by default)',
    },
  )
  async import(@Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<CsvImportResultDto> {
    return answerCsvImport(response, await this.quotas.importCsv(body));
  }
}
