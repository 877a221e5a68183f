import { Body, Controller, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  answerCsvImport,
  type CsvImportAnswers,
  CsvExportRoute,
  CsvImportResultDto,
  CsvImportRoute,
  sendCsv,
} from '@handoff/platform-runtime';
import type { Response } from 'express';
import { AccountsService } from '../accounts/accounts.service';
import { RepsService } from '../reps/reps.service';

const REP_COLUMNS =
  'Columns (header line first, any order): id, name, timeZone and mon … sun required; active (true/false, default ' +
  'true), weight (default 1), teamIds, languages, skills (lists separated by ";"), outOfOffice, pausedUntil, ' +
  'dailyCap, rolling30DayCap optional. A weekday cell lists windows "09:00-12:00;13:00-17:30" (empty: a day off); ' +
  'outOfOffice lists periods "from/to" (ISO 8601 instants). Without an outOfOffice or pausedUntil column reps keep ' +
  'theirs; with one, an empty cell clears them.';
const ACCOUNT_COLUMNS =
  'Columns (header line first, any order): id and name required; domains (separated by ";"), ownerRepId and ' +
  'segment optional (empty: none).';
const IMPORT_RULES =
  'Every row is checked with the rules of the JSON API, in file order, as if the rows before it were applied. ' +
  'The valid rows are written in one transaction, the others reported with every failing column: 200 when all ' +
  'were imported, 207 when some were rejected, 400 (same body) when none was imported. A bad header, a body that ' +
  'is not CSV, or another Content-Type than text/csv rejects the whole file (400 error body).';

const IMPORT_ANSWERS: CsvImportAnswers = {
  imported: 'Every row imported',
  partly: 'Some rows rejected, the others imported',
  rejected: 'No row imported (result body), or the file as a whole is invalid (error body)',
  tooLarge: 'The file is over ROUTING_CSV_MAX_BYTES (5 MiB by default)',
};

/** Reps and accounts as CSV files: export what is stored, import what an HR or CRM system exported. */
@ApiTags('csv')
@Controller()
export class DirectoryCsvController {
  constructor(
    private readonly reps: RepsService,
    private readonly accounts: AccountsService,
  ) {}

  @CsvExportRoute('reps.csv', { summary: 'Every rep as CSV', description: REP_COLUMNS })
  async exportReps(@Res() response: Response): Promise<void> {
    sendCsv(response, 'reps.csv', await this.reps.exportCsv());
  }

  @CsvImportRoute(
    'reps.csv',
    { summary: 'Create or replace reps from a CSV file', description: `${REP_COLUMNS} ${IMPORT_RULES}` },
    IMPORT_ANSWERS,
  )
  async importReps(@Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<CsvImportResultDto> {
    return answerCsvImport(response, await this.reps.importCsv(body));
  }

  @CsvExportRoute('accounts.csv', { summary: 'Every account as CSV', description: ACCOUNT_COLUMNS })
  async exportAccounts(@Res() response: Response): Promise<void> {
    sendCsv(response, 'accounts.csv', await this.accounts.exportCsv());
  }

  @CsvImportRoute(
    'accounts.csv',
    {
      summary: 'Create or replace accounts from a CSV file',
      description: `${ACCOUNT_COLUMNS} ${IMPORT_RULES}`,
    },
    IMPORT_ANSWERS,
  )
  async importAccounts(
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CsvImportResultDto> {
    return answerCsvImport(response, await this.accounts.importCsv(body));
  }
}
