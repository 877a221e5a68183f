import { Body, Controller, Get, Put, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AdminOnly,
  answerCsvImport,
  ApiErrorResponses,
  CsvExportRoute,
  CsvImportResultDto,
  CsvImportRoute,
  RequireToken,
  sendCsv,
} from '@handoff/platform-runtime';
import type { Response } from 'express';
import { ExchangeRateListDto, ExchangeRatesBodyDto } from './exchange-rate.dto';
import { ExchangeRatesService } from './exchange-rates.service';

const RATE_COLUMNS =
  'Columns (header line first, any order): from, to (ISO 4217 codes), rate (1 from = rate to) and valid_from ' +
  '(YYYY-MM-DD) required; valid_to (YYYY-MM-DD, inclusive; empty: until further notice) optional.';
const IMPORT_RULES =
  'The file replaces the whole table. Every row is checked with the rules of PUT /exchange-rates (one rate per ' +
  'pair and day). All or nothing: 200 when the table was replaced; 400 listing each rejected row with every ' +
  'failing column when any failed, and nothing changed. A bad header, a body that is not CSV, or another ' +
  'Content-Type than text/csv rejects the whole file (400 error body).';

/** The rates revenue in other currencies is converted with, by the day a deal closed. */
@ApiTags('exchange-rates')
@Controller()
export class ExchangeRatesController {
  constructor(private readonly rates: ExchangeRatesService) {}

  @Get('exchange-rates')
  @RequireToken('read', 'admin')
  @ApiOperation({ summary: 'The exchange-rate table' })
  @ApiOkResponse({ type: ExchangeRateListDto })
  async list(): Promise<ExchangeRateListDto> {
    return { rates: await this.rates.rates() };
  }

  @Put('exchange-rates')
  @AdminOnly()
  @ApiOperation({
    summary: 'Replace the exchange-rate table',
    description: 'Every rep’s attainment is recomputed with the new table; figures lacking a rate stay pending.',
  })
  @ApiOkResponse({ type: ExchangeRateListDto, description: 'The table as stored' })
  @ApiErrorResponses({ 400: 'A rate is invalid or overlaps another of its pair: errors lists each (rates[i].field)' })
  async replace(@Body() body: ExchangeRatesBodyDto): Promise<ExchangeRateListDto> {
    return { rates: await this.rates.replace(body.rates) };
  }

  @CsvExportRoute('exchange-rates.csv', { summary: 'The exchange-rate table as CSV', description: RATE_COLUMNS })
  async export(@Res() response: Response): Promise<void> {
    sendCsv(response, 'exchange-rates.csv', await this.rates.exportCsv());
  }

  @CsvImportRoute(
    'exchange-rates.csv',
    {
      summary: 'Replace the exchange-rate table from a CSV file',
      description: `${RATE_COLUMNS} ${IMPORT_RULES}`,
    },
    {
      imported: 'The table replaced by every row',
      rejected: 'Some rows failed, nothing changed (result body listing them), or the file is invalid (error body)',
      tooLarge: 'The file is over QUOTA_CSV_MAX_BYTES (5 MiB by default)',
    },
  )
  async import(@Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<CsvImportResultDto> {
    return answerCsvImport(response, await this.rates.importCsv(body));
  }
}
