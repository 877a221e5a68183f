import type { RepProfile } from '@handoff/domain-routing';
import { dropSchema, uniqueName } from '@handoff/testing';
import { NEXT_YEAR, repBody as rep } from '../testing/directory-fixtures';
import {
  prepareRoutingEnv,
  type RoutingTestApp,
  startRoutingApp,
  TEST_ROUTING_READ_TOKEN,
} from '../testing/routing-test-app';
import { type DirectoryChange, DirectoryChanges } from './directory-changes';
import { DirectoryStore } from './directory.store';

const schema = uniqueName('routing_directory_int');
prepareRoutingEnv({ DATABASE_SCHEMA: schema });

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
