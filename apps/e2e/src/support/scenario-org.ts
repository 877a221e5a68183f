// The small sales organisation the end-to-end scenarios route in, written through routing's directory and rules
// APIs as sales operations would. Each scenario's leads come from their own country, which the org's rule set
// sends to a pool of its own, so no scenario moves another's turn order, SLA clock or candidates.
import type { StackService } from '@handoff/testing';
import { adminWrite } from './admin-write';
import { ALWAYS_IN_HOURS } from './always-in-hours';

/** The SLA routing accepts at the least (PoolBodyDto: 1 minute): the shortest a missed deadline can take. */
const SHORTEST_SLA_MINUTES = 1;

export interface ScenarioOrg {
  /** Rep ids carry the run's suffix: quota publishes capacity per rep id on a topic every run shares. */
  reps: Record<'lena' | 'max' | 'claire' | 'hugo' | 'mia' | 'noah' | 'ines' | 'kai', string>;
  /** The email domain of the account Kai owns. */
  accountDomain: string;
  /** The country whose leads each pool takes; any other goes to `inbound`. */
  countries: { dach: string; france: string; anz: string; inbound: string };
}

/** Writes teams, reps, pools, an account and the rule set, and makes the rule set the active one. */
export async function seedScenarioOrg(routing: StackService, run: string): Promise<ScenarioOrg> {
  const id = (name: string) => `${name}-${run}`;
  const reps = {
    lena: id('lena'),
    max: id('max'),
    claire: id('claire'),
    hugo: id('hugo'),
    mia: id('mia'),
    noah: id('noah'),
    ines: id('ines'),
    kai: id('kai'),
  };
  const teams: Record<string, string[]> = {
    dach: [reps.lena, reps.max],
    france: [reps.claire, reps.hugo],
    anz: [reps.mia, reps.noah],
    inbound: [reps.ines],
    'key-accounts': [reps.kai],
  };
  const away = {
    from: new Date(Date.now() - 3_600_000).toISOString(),
    to: new Date(Date.now() + 86_400_000).toISOString(),
  };
  for (const team of Object.keys(teams)) await adminWrite(routing, 'PUT', `/teams/${team}`, { name: team }, 201);
  for (const [team, members] of Object.entries(teams)) {
    for (const repId of members) {
      const name = repId.replace(`-${run}`, '').replace(/^./, (letter) => letter.toUpperCase());
      const rep = { name, timeZone: 'UTC', workingHours: ALWAYS_IN_HOURS, teamIds: [team] };
      // Max is away today: the DACH pool's decision has to say why it passed him over.
      const availability = repId === reps.max ? { outOfOffice: [away] } : {};
      await adminWrite(routing, 'PUT', `/reps/${repId}`, { ...rep, ...availability }, 201);
    }
  }
  for (const pool of ['dach', 'france', 'anz', 'inbound']) {
    const sla = pool === 'anz' ? { slaMinutes: SHORTEST_SLA_MINUTES } : {};
    await adminWrite(routing, 'PUT', `/pools/${pool}`, { name: pool, teamIds: [pool], ...sla }, 201);
  }
  const accountDomain = `acme-${run}.example`;
  await adminWrite(
    routing,
    'PUT',
    '/accounts/acme',
    { name: 'Acme', domains: [accountDomain], ownerRepId: reps.kai },
    201,
  );

  const countries = { dach: 'DE', france: 'FR', anz: 'NZ', inbound: 'US' };
  const version = `e2e-${run}`;
  const byCountry = (pool: 'dach' | 'france' | 'anz') => ({
    id: pool,
    when: { countries: [countries[pool]] },
    pool,
    strategy: 'round_robin',
  });
  const ruleSet = {
    version,
    rules: [
      byCountry('dach'),
      byCountry('france'),
      byCountry('anz'),
      { id: 'inbound', when: {}, pool: 'inbound', strategy: 'round_robin', accountOwnerFirst: true },
    ],
    fallback: { pool: 'inbound', strategy: 'round_robin' },
  };
  await adminWrite(routing, 'POST', '/routing/rules', ruleSet, 201);
  await adminWrite(routing, 'POST', `/routing/rules/${version}/activate`, {}, 200);
  return { reps, accountDomain, countries };
}
