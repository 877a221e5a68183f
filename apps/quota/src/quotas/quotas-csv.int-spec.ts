import { type CsvImportResult } from '@handoff/platform-runtime';
import { quotaApiSuite } from '../testing/quota-api-suite';
import type { QuotaDto } from './quota.dto';

const suite = quotaApiSuite('quota_quotas_csv_int', { QUOTA_CSV_MAX_BYTES: '2048' });

const CSV = 'text/csv';
const HEADER =
  'id,owner_kind,owner_id,period,period_id,period_start,period_end,revenue_amount,revenue_currency,deals_won,' +
  'leads_accepted,meetings_held,curve';

describe('the quotas CSV', () => {
  it('imports fiscal and custom quotas, and exports them as the same file (round trip)', async () => {
    const csv = [
      HEADER,
      'ana-q1,rep,ana-silva,FY2027-Q1,,,,250000,EUR,12,,,linear',
      'bo-launch,rep,bo-chen,,launch,2027-05-01T00:00:00.000Z,2027-06-01T00:00:00.000Z,,,,40,8,"[[0,0],[0.5,0.2],[1,1]]"',
      'emea-fy,team,emea,FY2027,,,,1000000,USD,,,,linear',
      '',
    ].join('\n');

    const answer = await suite.service.admin<CsvImportResult>('POST', '/quotas.csv', csv, CSV);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      imported: 3,
      rejected: 0,
      rows: [
        { row: 2, id: 'ana-q1', status: 'imported' },
        { row: 3, id: 'bo-launch', status: 'imported' },
        { row: 4, id: 'emea-fy', status: 'imported' },
      ],
    });
    expect((await suite.service.get<QuotaDto>('/quotas/bo-launch')).body).toMatchObject({
      periodKind: 'custom',
      targets: { leadsAccepted: 40, meetingsHeld: 8 },
      curve: {
        points: [
          [0, 0],
          [0.5, 0.2],
          [1, 1],
        ],
      },
    });
    expect(suite.changes).toContainEqual({ reps: ['ana-silva', 'bo-chen'], cause: 'quotas-imported' });

    const exported = await suite.service.get<string>('/quotas.csv');

    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(exported.body).toBe(csv);
  });

  it('rejects a file with bad rows, naming each row and column and storing none of its rows', async () => {
    const csv = [
      HEADER,
      'cara-q1,rep,cara,FY2027-Q1,,,,100,EUR,,,,',
      'dan-q1,rep,dan,FY2027-Q9,,,,100,EURO,,,,',
      'eve-q1,rep,eve,FY2027-Q1,,,,,,,,,steep',
      'ana-q1-copy,rep,ana-silva,FY2027-Q1,,,,5,EUR,,,,',
    ].join('\n');

    const answer = await suite.service.admin<CsvImportResult>('POST', '/quotas.csv', csv, CSV);

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      imported: 0,
      rejected: 3,
      rows: [
        {
          row: 3,
          id: 'dan-q1',
          status: 'rejected',
          errors: [
            { field: 'period', reasons: [expect.stringContaining('FY2027-Q9')] },
            { field: 'revenue_currency', reasons: [expect.stringContaining('ISO 4217')] },
          ],
        },
        {
          row: 4,
          id: 'eve-q1',
          status: 'rejected',
          errors: [
            { field: '(row)', reasons: [expect.stringContaining('at least one of')] },
            { field: 'curve', reasons: [expect.stringContaining('linear')] },
          ],
        },
        {
          row: 5,
          id: 'ana-q1-copy',
          status: 'rejected',
          errors: [{ field: 'period', reasons: [expect.stringContaining('the quota "ana-q1" holds')] }],
        },
      ],
    });
    expect((await suite.service.get('/quotas/cara-q1')).status).toBe(404);
  });

  it('rejects a whole file with an unknown column (400 error body) and one over QUOTA_CSV_MAX_BYTES (413)', async () => {
    const header = await suite.service.admin<{ errors: unknown[] }>(
      'POST',
      '/quotas.csv',
      'id,owner_kind,owner_id,colour\n',
      CSV,
    );
    const large = await suite.service.admin('POST', '/quotas.csv', `${HEADER}\n${'x'.repeat(4096)}`, CSV);

    expect(header.status).toBe(400);
    expect(header.body.errors).toEqual([{ field: 'colour', reasons: [expect.stringMatching(/^is not a column/)] }]);
    expect(large.status).toBe(413);
  });
});
