import type { RoutingRuleSet } from '@handoff/domain-routing';
import type { FieldIssue } from '@handoff/shared-errors';
import { dropSchema, uniqueName } from '@handoff/testing';
import { stringify } from 'yaml';
import {
  prepareRoutingEnv,
  type RoutingTestApp,
  startRoutingApp,
  TEST_ROUTING_ADMIN_TOKEN,
  TEST_ROUTING_READ_TOKEN,
} from '../testing/routing-test-app';
import { defaultRulesFile, loadRuleSetFile } from './rule-set-file';
import type { ActiveRuleSet, RuleSetList, RuleSetView } from './rule-set-registry.service';
import { RuleSetRegistry } from './rule-set-registry.service';

const schema = uniqueName('routing_rules_int');
prepareRoutingEnv({ DATABASE_SCHEMA: schema });

const DEFAULT_RULES = loadRuleSetFile(defaultRulesFile());
let service: RoutingTestApp;

/** A valid rule set of `version` routing German leads to the DACH pool, everything else to inbound. */
function ruleSet(version: string, dachPool = 'dach-inbound'): RoutingRuleSet {
  return {
    version,
    rules: [
      {
        id: 'dach',
        when: { territories: ['dach'] },
        pool: dachPool,
        strategy: 'weighted_round_robin',
        accountOwnerFirst: true,
      },
    ],
    fallback: { pool: 'inbound', strategy: 'round_robin' },
    accountNameSimilarity: 0.85,
  };
}

const activeVersion = async () => (await service.get<ActiveRuleSet>('/routing/rules/active')).body.version;

beforeAll(async () => {
  service = await startRoutingApp();
  for (const pool of ['inbound', 'enterprise', 'dach-inbound']) {
    expect((await service.admin('PUT', `/pools/${pool}`, { name: pool })).status).toBe(201);
  }
  expect((await service.admin('PUT', '/territories/dach', { name: 'DACH', countries: ['DE'] })).status).toBe(201);
}, 60_000);

// Every test starts from the shipped default in use, as a fresh service has it.
afterEach(() => service.app.get(RuleSetRegistry).activate(DEFAULT_RULES.version));

afterAll(async () => {
  await service?.stop();
  await dropSchema(schema);
});

describe('routing rule sets over HTTP', () => {
  it('serves the shipped default, stored and listed, before any operator activates a rule set', async () => {
    const active = await service.get<ActiveRuleSet>('/routing/rules/active');
    const listed = await service.get<RuleSetList>('/routing/rules');

    expect(active).toMatchObject({ status: 200, body: { version: 'default-1', ruleSet: DEFAULT_RULES } });
    expect(listed.body).toMatchObject({ activeVersion: 'default-1', defaultVersion: 'default-1' });
    expect(listed.body.ruleSets.filter((summary) => summary.active)).toEqual([
      expect.objectContaining({ version: 'default-1', activatedAt: expect.any(String) }),
    ]);
    expect(await service.app.get(RuleSetRegistry).active()).toEqual(DEFAULT_RULES);
  });

  it('refuses an invalid rule set with every failing field, unknown pools and territories among them', async () => {
    const invalid = {
      ...ruleSet('bad-1'),
      rules: [
        { id: 'a', when: { territories: ['dach', 'nordics'] }, pool: 'inbound', strategy: 'lottery' },
        { id: 'b', when: { employeeCount: { min: 'many' } }, pool: 'dach-inbound', strategy: 'round_robin' },
        { id: 'c', when: {}, pool: 'emea-ent', strategy: 'round_robin' },
      ],
      fallback: { pool: 'nowhere', strategy: 'round_robin' },
      accountNameSimilarity: 2,
    };

    const answer = await service.admin<{ errors: FieldIssue[] }>('POST', '/routing/rules', invalid);

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ message: 'routing rule set is invalid' });
    const reasons = Object.fromEntries(answer.body.errors.map((issue) => [issue.field, issue.reasons]));
    expect(reasons).toEqual({
      'rules[0].strategy': [expect.stringContaining('must be one of')],
      'rules[1].when.employeeCount.min': [expect.any(String)],
      accountNameSimilarity: ['must be between 0 and 1, got 2'],
      'rules[0].when.territories': ['territory nordics is not in the directory'],
      'rules[2].pool': ['pool emea-ent is not in the directory'],
      'fallback.pool': ['pool nowhere is not in the directory'],
    });
    expect((await service.get('/routing/rules/bad-1')).status).toBe(404);
  });

  it('stores a version inactive, activates it, rolls back to an older one and refuses a version twice', async () => {
    const yaml = await service.admin<RuleSetView>('POST', '/routing/rules', stringify(ruleSet('r-2')), 'text/yaml');
    expect(yaml).toMatchObject({ status: 201, body: { version: 'r-2', active: false, activatedAt: null } });
    expect(yaml.body.ruleSet).toEqual(ruleSet('r-2'));
    expect(await activeVersion()).toBe('default-1');

    const activated = await service.admin<RuleSetView>('POST', '/routing/rules/r-2/activate');
    expect(activated).toMatchObject({ status: 200, body: { version: 'r-2', active: true } });
    expect(await activeVersion()).toBe('r-2');
    const inTransaction = await service.dataSource.transaction((manager) =>
      service.app.get(RuleSetRegistry).active(manager),
    );
    expect(inTransaction).toEqual(ruleSet('r-2'));

    expect((await service.admin('POST', '/routing/rules', ruleSet('r-3', 'enterprise'))).status).toBe(201);
    expect((await service.admin('POST', '/routing/rules/r-3/activate')).status).toBe(200);
    expect(await activeVersion()).toBe('r-3');
    expect((await service.admin('POST', '/routing/rules/r-2/activate')).body).toMatchObject({ active: true });
    expect(await activeVersion()).toBe('r-2');

    const listed = (await service.get<RuleSetList>('/routing/rules')).body;
    expect(listed.activeVersion).toBe('r-2');
    expect(listed.ruleSets.filter((summary) => summary.active).map((summary) => summary.version)).toEqual(['r-2']);
    expect((await service.get<RuleSetView>('/routing/rules/r-3')).body).toMatchObject({
      version: 'r-3',
      active: false,
    });

    const again = await service.admin('POST', '/routing/rules', ruleSet('r-2', 'enterprise'));
    expect(again).toMatchObject({ status: 409, body: { message: 'a routing rule set with version "r-2" exists' } });
    expect((await service.admin('POST', '/routing/rules', ruleSet('default-1'))).status).toBe(409);
    expect((await service.admin('POST', '/routing/rules/r-9/activate')).status).toBe(404);
  });

  it('refuses to activate a version naming a pool that has left the directory, and keeps the one in use', async () => {
    expect((await service.admin('PUT', '/pools/temporary', { name: 'Temporary' })).status).toBe(201);
    expect((await service.admin('POST', '/routing/rules', ruleSet('r-temp', 'temporary'))).status).toBe(201);
    expect((await service.admin('DELETE', '/pools/temporary')).status).toBe(204);

    const refused = await service.admin('POST', '/routing/rules/r-temp/activate');

    expect(refused).toMatchObject({
      status: 409,
      body: { errors: [{ field: 'rules[0].pool', reasons: ['pool temporary is not in the directory'] }] },
    });
    expect(await activeVersion()).toBe('default-1');
  });

  it('reserves the version "active" for the route of the rule set in use', async () => {
    const answer = await service.admin('POST', '/routing/rules', ruleSet('active'));
    expect(answer).toMatchObject({ status: 400, body: { errors: [{ field: 'version' }] } });
  });

  it('answers 401 without a token, to the read token on a write, and reads with either token', async () => {
    const withToken = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    const noToken = await service.call('POST', '/routing/rules', { body: ruleSet('r-401') });
    const readToken = await service.call('POST', '/routing/rules', {
      body: ruleSet('r-401'),
      ...withToken(TEST_ROUTING_READ_TOKEN),
    });

    expect(noToken).toMatchObject({ status: 401, body: { message: expect.stringContaining('missing admin token') } });
    expect(readToken.status).toBe(401);
    expect((await service.call('POST', '/routing/rules/default-1/activate')).status).toBe(401);
    expect((await service.call('POST', '/routing/rules/default-1/activate', withToken('nope'))).status).toBe(401);
    for (const path of ['/routing/rules', '/routing/rules/active', '/routing/rules/default-1']) {
      expect((await service.call('GET', path)).status).toBe(401);
      expect((await service.call('GET', path, withToken(TEST_ROUTING_READ_TOKEN))).status).toBe(200);
      expect((await service.call('GET', path, withToken(TEST_ROUTING_ADMIN_TOKEN))).status).toBe(200);
    }
    expect((await service.get('/routing/rules/r-401')).status).toBe(404);
  });
});
