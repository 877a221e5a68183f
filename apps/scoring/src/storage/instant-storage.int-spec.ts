import { INSTANT_LIMITS, instantProblem } from '@handoff/contracts';
import { TEST_DATABASE_URL } from '@handoff/testing';
import { Client } from 'pg';

// Scoring stores event times in timestamptz columns and reads them with Date.parse: every form the contracts
// accept must mean the same instant to both (PostgreSQL keeps microseconds, JavaScript milliseconds).
const ACCEPTED_FORMS = [
  INSTANT_LIMITS.earliest,
  '2024-01-31T10:00:00Z',
  '2024-01-31T11:00:00.250+01:00',
  '2024-01-31T10:00:00.123456Z',
  '2024-01-31T10:00:00.123456789Z',
  '2024-02-29T23:59:59.999-12:00',
  '2024-01-31T10:00:00+14:00',
  '2024-01-31T10:00:00-00:00',
];

describe('instants the contracts accept, in PostgreSQL', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
  });

  afterAll(() => client.end());

  it.each(ACCEPTED_FORMS)('stores %s as the millisecond Date.parse reads', async (text) => {
    expect(instantProblem(text)).toBeUndefined();

    const { rows } = await client.query<{ stored: Date }>('SELECT $1::timestamptz AS stored', [text]);

    expect(Math.abs(rows[0].stored.getTime() - Date.parse(text))).toBeLessThanOrEqual(1);
  });
});
