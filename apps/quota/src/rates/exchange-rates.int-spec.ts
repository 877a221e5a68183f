import type { CsvImportResult } from '@handoff/platform-runtime';
import { quotaApiSuite } from '../testing/quota-api-suite';
import type { ExchangeRateListDto } from './exchange-rate.dto';

const suite = quotaApiSuite('quota_exchange_rates_int');

const CSV = 'text/csv';
const RATES = [
  { from: 'EUR', to: 'USD', rate: 1.08, validFrom: '2027-01-01', validTo: '2027-03-31' },
  { from: 'EUR', to: 'USD', rate: 1.1, validFrom: '2027-04-01' },
  { from: 'GBP', to: 'EUR', rate: 1.17, validFrom: '2027-01-01' },
];

describe('exchange rates', () => {
  it('replaces the table and answers it as stored, announcing every rep', async () => {
    await suite.service.admin('PUT', '/exchange-rates', {
      rates: [{ from: 'JPY', to: 'EUR', rate: 0.006, validFrom: '2026-01-01' }],
    });

    const answer = await suite.service.admin<ExchangeRateListDto>('PUT', '/exchange-rates', { rates: RATES });

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ rates: RATES });
    expect((await suite.service.get('/exchange-rates')).body).toEqual({ rates: RATES });
    expect(suite.changes).toContainEqual({ reps: 'all', cause: 'exchange-rates-replaced' });
  });

  it('rejects overlapping rates and bad currencies (400 naming each), keeping the table', async () => {
    const answer = await suite.service.admin<{ errors: { field: string }[] }>('PUT', '/exchange-rates', {
      rates: [
        { from: 'EUR', to: 'USD', rate: 1.08, validFrom: '2027-01-01' },
        { from: 'EUR', to: 'USD', rate: 1.1, validFrom: '2027-02-01' },
        { from: 'EURO', to: 'USD', rate: 0, validFrom: '2027-01-01' },
      ],
    });

    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((issue) => issue.field).sort()).toEqual([
      'rates[1].validFrom',
      'rates[2].from',
      'rates[2].rate',
    ]);
    expect((await suite.service.get('/exchange-rates')).body).toEqual({ rates: RATES });
  });

  it('exports the table as CSV and imports it back unchanged (round trip)', async () => {
    const exported = await suite.service.get<string>('/exchange-rates.csv');
    expect(exported.body).toBe(
      'from,to,rate,valid_from,valid_to\nEUR,USD,1.08,2027-01-01,2027-03-31\nEUR,USD,1.1,2027-04-01,\nGBP,EUR,1.17,2027-01-01,\n',
    );

    const imported = await suite.service.admin<CsvImportResult>('POST', '/exchange-rates.csv', exported.body, CSV);

    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ imported: 3, rejected: 0 });
    expect((await suite.service.get('/exchange-rates')).body).toEqual({ rates: RATES });
  });

  it('rejects a CSV with bad rows, naming row and column, and keeps the table', async () => {
    const csv = 'from,to,rate,valid_from\nUSD,EUR,0.9,2027-01-01\nUSD,EUR,0.92,2027-06-01\nCHF,EUR,x,2027-01-01\n';

    const answer = await suite.service.admin<CsvImportResult>('POST', '/exchange-rates.csv', csv, CSV);

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      imported: 0,
      rejected: 2,
      rows: [
        {
          row: 3,
          id: '',
          status: 'rejected',
          errors: [{ field: 'valid_from', reasons: [expect.stringContaining('USD→EUR')] }],
        },
        { row: 4, id: '', status: 'rejected', errors: [{ field: 'rate', reasons: ['rate must be a finite number'] }] },
      ],
    });
    expect((await suite.service.get('/exchange-rates')).body).toEqual({ rates: RATES });
  });
});
