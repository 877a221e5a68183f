import type { Account, RepProfile } from '@handoff/domain-routing';
import { dropSchema, uniqueName } from '@handoff/testing';
import {
  prepareRoutingEnv,
  type RoutingTestApp,
  startRoutingApp,
  TEST_ROUTING_READ_TOKEN,
} from '../testing/routing-test-app';
import type { CsvImportResult } from './csv/csv-import-result';
import { type DirectoryChange, DirectoryChanges } from './directory-changes';
import { DirectoryStore } from './directory.store';

const schema = uniqueName('routing_directory_int');
prepareRoutingEnv({ DATABASE_SCHEMA: schema });

const CSV = 'text/csv';
/** Availability instants lie ahead (up to two years): next year's, whatever year the test runs in. */
const NEXT_YEAR = new Date().getUTCFullYear() + 1;
const WEEKDAYS_9_TO_5 = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ start: '09:00', end: '17:00' }]]),
);
const rep = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  timeZone: 'Europe/Lisbon',
  workingHours: WEEKDAYS_9_TO_5,
  ...extra,
});
const REPS_HEADER = 'id,name,teamIds,languages,timeZone,mon,tue,wed,thu,fri,sat,sun,dailyCap';

let service: RoutingTestApp;
const announced: DirectoryChange[] = [];

beforeAll(async () => {
  service = await startRoutingApp();
  service.app.get(DirectoryChanges).changes.subscribe((change) => announced.push(change));
  expect((await service.admin('PUT', '/teams/emea', { name: 'EMEA' })).status).toBe(201);
  expect((await service.admin('PUT', '/teams/amer', { name: 'Americas' })).status).toBe(201);
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await dropSchema(schema);
});

describe('directory CRUD over HTTP', () => {
  it('creates (201) then replaces (200) a rep, filling defaults, and answers it as the RepProfile routing reads', async () => {
    const created = await service.admin<RepProfile>('PUT', '/reps/ana-silva', rep('Ana', { teamIds: ['emea'] }));
    const replaced = await service.admin<RepProfile>('PUT', '/reps/ana-silva', {
      ...rep('Ana Silva', { teamIds: ['emea', 'amer'], weight: 2 }),
      workingHours: {
        mon: [
          { start: '13:00', end: '24:00' },
          { start: '08:00', end: '12:00' },
        ],
        sat: [],
      },
    });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ active: true, weight: 1, languages: [], skills: [], outOfOffice: [] });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toEqual({
      id: 'ana-silva',
      name: 'Ana Silva',
      active: true,
      teamIds: ['amer', 'emea'],
      weight: 2,
      languages: [],
      skills: [],
      timeZone: 'Europe/Lisbon',
      workingHours: {
        mon: [
          { start: '08:00', end: '12:00' },
          { start: '13:00', end: '24:00' },
        ],
      },
      outOfOffice: [],
    });
    expect((await service.get('/reps/ana-silva')).body).toEqual(replaced.body);
  });

  it('writes pools, territories and accounts whole and lists each kind by id', async () => {
    await service.admin('PUT', '/reps/bo-chen', rep('Bo', { teamIds: ['amer'] }));
    const pool = await service.admin('PUT', '/pools/inbound', {
      name: 'Inbound',
      teamIds: ['emea'],
      repIds: ['bo-chen'],
    });
    const territory = await service.admin('PUT', '/territories/dach', { name: 'DACH', countries: ['de', 'AT'] });
    const account = await service.admin('PUT', '/accounts/acme', {
      name: 'Acme',
      domains: ['ACME.com.', 'acme.de'],
      ownerRepId: 'ana-silva',
    });

    expect(pool).toMatchObject({
      status: 201,
      body: { teamIds: ['emea'], repIds: ['bo-chen'], requireWorkingHours: false, slaMinutes: 60, maxAttempts: 3 },
    });
    expect(territory.body).toEqual({
      id: 'dach',
      name: 'DACH',
      countries: ['DE', 'AT'],
      regions: [],
      postalPrefixes: [],
    });
    expect(account.body).toEqual({
      id: 'acme',
      name: 'Acme',
      domains: ['acme.com', 'acme.de'],
      ownerRepId: 'ana-silva',
    });
    expect((await service.get<{ teams: unknown[] }>('/teams')).body.teams).toEqual([
      { id: 'amer', name: 'Americas' },
      { id: 'emea', name: 'EMEA' },
    ]);
    expect(announced).toContainEqual({ kind: 'pool', poolId: 'inbound', cause: 'updated' });
  });

  it('deactivates a rep on DELETE instead of deleting it, and deletes the other kinds', async () => {
    await service.admin('PUT', '/reps/leaver', rep('Leaver'));
    await service.admin('PUT', '/territories/gone', { name: 'Gone' });

    expect((await service.admin('DELETE', '/reps/leaver')).body).toMatchObject({ id: 'leaver', active: false });
    expect((await service.get('/reps/leaver')).status).toBe(200);
    expect((await service.admin('DELETE', '/territories/gone')).status).toBe(204);
    expect((await service.get('/territories/gone')).status).toBe(404);
    expect((await service.admin('DELETE', '/pools/nope')).status).toBe(404);
  });

  it('refuses to delete a team reps or pools still name, saying which (409)', async () => {
    const answer = await service.admin('DELETE', '/teams/emea');

    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      errors: [{ field: 'id', reasons: ['reps still in the team: ana-silva', 'pools still naming the team: inbound'] }],
    });
  });
});

describe('bad input', () => {
  it('lists every invalid field of a rep with its reason (400)', async () => {
    const answer = await service.admin('PUT', '/reps/bad', {
      name: '',
      weight: -1,
      timeZone: 'Mars/Olympus',
      languages: ['english!'],
      workingHours: { mon: [{ start: '17:00', end: '09:00' }], tue: [{ start: '9am', end: '12:00' }] },
      outOfOffice: [{ from: '2026-12-24T00:00:00Z', to: '2026-12-23T00:00:00Z' }],
      email: 'ana@example.com',
    });

    expect(answer.status).toBe(400);
    const fields = (answer.body as { errors: { field: string }[] }).errors.map((issue) => issue.field);
    expect(fields.sort()).toEqual(
      [
        'email',
        'languages',
        'name',
        'outOfOffice.0.to',
        'timeZone',
        'weight',
        'workingHours.mon.0.end',
        'workingHours.tue.0.start',
      ].sort(),
    );
  });

  it('names the field that references an unknown record, and a domain another account owns', async () => {
    const pool = await service.admin('PUT', '/pools/p2', { name: 'P2', teamIds: ['nope'], repIds: ['ghost'] });
    const account = await service.admin('PUT', '/accounts/acme-2', { name: 'Acme 2', domains: ['acme.com'] });
    const owner = await service.admin('PUT', '/accounts/acme-3', { name: 'Acme 3', ownerRepId: 'ghost' });

    expect(pool).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'teamIds', reasons: ['no team has the id "nope"'] }, { field: 'repIds' }] },
    });
    expect(account).toMatchObject({ status: 409, body: { errors: [{ field: 'domains' }] } });
    expect(owner).toMatchObject({ status: 400, body: { errors: [{ field: 'ownerRepId' }] } });
  });

  it('answers 400 naming id for an invalid path id, 404 for an unknown one', async () => {
    expect((await service.get('/reps/%20bad')).body).toMatchObject({ errors: [{ field: 'id' }] });
    expect((await service.get('/reps/nobody')).status).toBe(404);
  });

  it('answers 401 without a token, and to the read token on a write', async () => {
    expect((await service.call('GET', '/reps')).status).toBe(401);
    expect((await service.call('GET', '/reps.csv')).status).toBe(401);
    const write = await service.call('PUT', '/teams/x', {
      body: { name: 'X' },
      headers: { authorization: `Bearer ${TEST_ROUTING_READ_TOKEN}` },
    });
    expect(write.status).toBe(401);
  });
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

describe('availability', () => {
  const snapshotRep = async (id: string) =>
    (await service.app.get(DirectoryStore).snapshot()).reps.find((candidate) => candidate.id === id);

  it('adds and ends out-of-office periods and pauses, as the snapshot shows, announcing each return', async () => {
    await service.admin('PUT', '/reps/gil', rep('Gil', { outOfOffice: [] }));
    const period = { from: `${NEXT_YEAR}-03-01T00:00:00Z`, to: `${NEXT_YEAR}-03-15T00:00:00Z` };
    await service.admin('POST', '/reps/gil/out-of-office', period);
    await service.admin('POST', '/reps/gil/out-of-office', {
      from: `${NEXT_YEAR}-05-01T09:00:00+02:00`,
      to: `${NEXT_YEAR}-05-02T00:00:00Z`,
    });
    await service.admin('POST', '/reps/gil/pause', { until: `${NEXT_YEAR}-01-01T12:00:00Z` });

    expect(await snapshotRep('gil')).toMatchObject({
      outOfOffice: [
        { from: `${NEXT_YEAR}-03-01T00:00:00.000Z`, to: `${NEXT_YEAR}-03-15T00:00:00.000Z` },
        { from: `${NEXT_YEAR}-05-01T07:00:00.000Z`, to: `${NEXT_YEAR}-05-02T00:00:00.000Z` },
      ],
      pausedUntil: `${NEXT_YEAR}-01-01T12:00:00.000Z`,
    });

    const query = new URLSearchParams({ from: `${NEXT_YEAR}-03-01T01:00:00+01:00`, to: period.to });
    expect((await service.admin('DELETE', `/reps/gil/out-of-office?${query}`)).status).toBe(200);
    expect((await service.admin('DELETE', `/reps/gil/out-of-office?${query}`)).status).toBe(404);
    await service.admin('DELETE', '/reps/gil/pause');

    const gil = await snapshotRep('gil');
    expect(gil?.outOfOffice).toEqual([
      { from: `${NEXT_YEAR}-05-01T07:00:00.000Z`, to: `${NEXT_YEAR}-05-02T00:00:00.000Z` },
    ]);
    expect(gil?.pausedUntil).toBeUndefined();
    await service.admin('DELETE', '/reps/gil/out-of-office');
    expect((await snapshotRep('gil'))?.outOfOffice).toEqual([]);
    expect(announced.filter((change) => change.kind === 'rep' && change.repId === 'gil')).toEqual([
      { kind: 'rep', repId: 'gil', cause: 'activated' },
      { kind: 'rep', repId: 'gil', cause: 'out-of-office-ended' },
      { kind: 'rep', repId: 'gil', cause: 'pause-ended' },
      { kind: 'rep', repId: 'gil', cause: 'out-of-office-ended' },
    ]);
  });

  it('keeps out-of-office periods and the pause through a PUT that leaves them out, and clears them with [] and null', async () => {
    await service.admin('POST', '/reps/gil/out-of-office', {
      from: `${NEXT_YEAR}-06-01T00:00:00Z`,
      to: `${NEXT_YEAR}-06-02T00:00:00Z`,
    });
    await service.admin('POST', '/reps/gil/pause', { until: `${NEXT_YEAR}-01-01T12:00:00Z` });

    const kept = await service.admin<RepProfile>('PUT', '/reps/gil', rep('Gil'));
    const cleared = await service.admin<RepProfile>(
      'PUT',
      '/reps/gil',
      rep('Gil', { outOfOffice: [], pausedUntil: null }),
    );

    expect(kept.body.outOfOffice).toHaveLength(1);
    expect(kept.body.pausedUntil).toBe(`${NEXT_YEAR}-01-01T12:00:00.000Z`);
    expect(cleared.body.outOfOffice).toEqual([]);
    expect(cleared.body).not.toHaveProperty('pausedUntil');
  });
});
