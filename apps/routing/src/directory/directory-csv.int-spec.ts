import type { Account, RepProfile } from '@handoff/domain-routing';
import { dropSchema, uniqueName } from '@handoff/testing';
import { NEXT_YEAR, repBody as rep } from '../testing/directory-fixtures';
import { prepareRoutingEnv, type RoutingTestApp, startRoutingApp } from '../testing/routing-test-app';
import { type CsvImportResult } from '@handoff/platform-runtime';

const schema = uniqueName('routing_directory_csv_int');
prepareRoutingEnv({ DATABASE_SCHEMA: schema });

const CSV = 'text/csv';
const REPS_HEADER = 'id,name,teamIds,languages,timeZone,mon,tue,wed,thu,fri,sat,sun,dailyCap';

let service: RoutingTestApp;

beforeAll(async () => {
  service = await startRoutingApp();
  const setup = await Promise.all([
    service.admin('PUT', '/teams/emea', { name: 'EMEA' }),
    service.admin('PUT', '/reps/ana-silva', rep('Ana Silva', { skills: ['enterprise'], weight: 1.5 })),
    service.admin('PUT', '/reps/bo-chen', rep('Bo Chen', { active: false, rolling30DayCap: 40 })),
  ]);
  const account = await service.admin('PUT', '/accounts/acme', {
    name: 'Acme, "the" company',
    domains: ['acme.com', 'acme.de'],
    ownerRepId: 'ana-silva',
    segment: 'enterprise',
  });
  expect([...setup, account].map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await dropSchema(schema);
});

describe('CSV import and export', () => {
  it('imports the valid rows and reports each invalid one by line and column (207)', async () => {
    const csv = [
      REPS_HEADER,
      'cara,Cara,emea,en;pt,America/New_York,09:00-17:00,09:00-17:00,,,,,,5',
      'dan,Dan,nowhere,,Europe/Berlin,,,,,,,,',
      'eve,,emea,,Nowhere/City,25:00-26:00,,,,,,,x',
      '"fay","Fay\nMultiline",,,UTC,,,,,,,,',
      'cara,Cara again,,,UTC,,,,,,,,',
    ].join('\n');

    const answer = await service.admin<CsvImportResult>('POST', '/reps.csv', csv, CSV);

    expect(answer.status).toBe(207);
    expect(answer.body).toEqual({
      imported: 2,
      rejected: 3,
      rows: [
        { row: 2, id: 'cara', status: 'imported' },
        {
          row: 3,
          id: 'dan',
          status: 'rejected',
          errors: [{ field: 'teamIds', reasons: ['no team has the id "nowhere"'] }],
        },
        { row: 4, id: 'eve', status: 'rejected', errors: expect.any(Array) },
        { row: 5, id: 'fay', status: 'imported' },
        { row: 7, id: 'cara', status: 'rejected', errors: [{ field: 'id', reasons: ['repeats the id of line 2'] }] },
      ],
    });
    const eve = answer.body.rows[2].errors ?? [];
    expect(eve.map((issue) => issue.field).sort()).toEqual(['dailyCap', 'mon', 'name', 'timeZone']);
    expect(eve.find((issue) => issue.field === 'mon')?.reasons[0]).toMatch(/^item 1: start must be a local time/);
    expect((await service.get('/reps/cara')).body).toMatchObject({
      teamIds: ['emea'],
      languages: ['en', 'pt'],
      dailyCap: 5,
      workingHours: { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }] },
    });
    expect((await service.get('/reps/dan')).status).toBe(404);
  });

  it('rejects a whole file with an unknown or missing column, or sent as another type (400 error body)', async () => {
    const header = await service.admin('POST', '/reps.csv', 'id,name,colour\nx,X,red', CSV);
    const json = await service.admin('POST', '/accounts.csv', { id: 'x' });

    expect(header.status).toBe(400);
    expect((header.body as { errors: { field: string }[] }).errors.map((issue) => issue.field)).toEqual(
      expect.arrayContaining(['colour', 'timeZone', 'mon']),
    );
    expect(json).toMatchObject({ status: 400, body: { errors: [{ field: '(body)' }] } });
  });

  it('round-trips: importing an export changes nothing, availability and owners included', async () => {
    const away = await service.admin('POST', '/reps/ana-silva/out-of-office', {
      from: `${NEXT_YEAR}-01-01T00:00:00+01:00`,
      to: `${NEXT_YEAR}-01-08T00:00:00+01:00`,
    });
    const paused = await service.admin('POST', '/reps/bo-chen/pause', { until: `${NEXT_YEAR}-02-01T00:00:00Z` });
    expect([away.status, paused.status]).toEqual([200, 200]);
    const before = await Promise.all([service.get('/reps'), service.get('/accounts')]);
    const [reps, accounts] = await Promise.all([
      service.get<string>('/reps.csv'),
      service.get<string>('/accounts.csv'),
    ]);

    expect(reps.headers.get('content-type')).toContain(CSV);
    expect((before[0].body as { reps: RepProfile[] }).reps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'ana-silva', outOfOffice: [expect.any(Object)] }),
        expect.objectContaining({ id: 'bo-chen', pausedUntil: `${NEXT_YEAR}-02-01T00:00:00.000Z` }),
      ]),
    );
    const imported = await Promise.all(
      [
        service.admin<CsvImportResult>('POST', '/reps.csv', reps.body, CSV),
        service.admin<CsvImportResult>('POST', '/accounts.csv', accounts.body, CSV),
      ].map(async (answer) => (await answer).body),
    );
    expect(imported.map((result) => result.rejected)).toEqual([0, 0]);
    expect(imported[0].imported).toBe((before[0].body as { reps: unknown[] }).reps.length);
    const after = await Promise.all([service.get('/reps'), service.get('/accounts')]);
    expect(after.map((answer) => answer.body)).toEqual(before.map((answer) => answer.body));
    expect((after[1].body as { accounts: Account[] }).accounts).toContainEqual(
      expect.objectContaining({ id: 'acme', ownerRepId: 'ana-silva' }),
    );
  });
});
