// The small sales organisation the demo routes its lead in, written through routing's directory API as sales
// operations would: teams, reps with their time zones and hours, the pools the shipped rules name
// (apps/routing/rules/default-rules.yaml: `inbound` and `enterprise`) and one account.
import type { StackService } from '@handoff/testing';
import { expectStatus } from './demo-checks';

/** The domain of the demo visitor's work email: the account below owns it, so routing asks its owner first. */
export const DEMO_COMPANY_DOMAIN = 'acme-software.example';

/**
 * Every day 07:00–21:00 local: with reps in Lisbon, New York and Singapore someone is inside their hours at any
 * instant of the week (summer time included), so the demo routes whenever it runs.
 */
const SHIFT = { start: '07:00', end: '21:00' };
const ROTA = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [SHIFT]]));

const TEAMS = [
  { id: 'emea', name: 'EMEA inbound' },
  { id: 'americas', name: 'Americas inbound' },
  { id: 'apac', name: 'APAC inbound' },
  { id: 'enterprise', name: 'Enterprise' },
];

const REPS = [
  { id: 'ana-silva', name: 'Ana Silva', timeZone: 'Europe/Lisbon', teamIds: ['emea'], weight: 2 },
  { id: 'rui-costa', name: 'Rui Costa', timeZone: 'Europe/Lisbon', teamIds: ['emea'], weight: 1 },
  { id: 'jordan-lee', name: 'Jordan Lee', timeZone: 'America/New_York', teamIds: ['americas'], weight: 1 },
  { id: 'mei-tan', name: 'Mei Tan', timeZone: 'Asia/Singapore', teamIds: ['apac'], weight: 1 },
  { id: 'lena-vogel', name: 'Lena Vogel', timeZone: 'Europe/Berlin', teamIds: ['enterprise'], weight: 1 },
  { id: 'kenji-sato', name: 'Kenji Sato', timeZone: 'Asia/Tokyo', teamIds: ['enterprise'], weight: 1 },
];

const POOLS = [
  {
    id: 'inbound',
    name: 'Inbound, follow the sun',
    teamIds: ['emea', 'americas', 'apac'],
    requireWorkingHours: true,
    slaMinutes: 30,
    slaInBusinessHours: true,
  },
  {
    // Large deals do not wait for office hours: any enterprise rep may take one, the SLA counts working time.
    id: 'enterprise',
    name: 'Enterprise',
    teamIds: ['enterprise'],
    requireWorkingHours: false,
    slaMinutes: 240,
    slaInBusinessHours: true,
  },
];

const ACCOUNT = { id: 'acme', name: 'Acme Software', domains: [DEMO_COMPANY_DOMAIN], ownerRepId: 'ana-silva' };

/** Writes the organisation (teams before the reps and pools that name them); each write must create its record. */
export async function seedSalesOrg(routing: StackService): Promise<string[]> {
  const put = async (kind: string, record: { id: string; [field: string]: unknown }) => {
    const answer = await routing.admin(`/${kind}/${record.id}`, record, 'PUT');
    expectStatus(`PUT /${kind}/${record.id}`, answer.status, 201);
  };
  for (const team of TEAMS) await put('teams', team);
  for (const rep of REPS) await put('reps', { ...rep, workingHours: ROTA });
  for (const pool of POOLS) await put('pools', pool);
  await put('accounts', ACCOUNT);
  const owner = REPS.find((rep) => rep.id === ACCOUNT.ownerRepId)?.name;
  return [
    ...REPS.map(
      (rep) =>
        `${rep.name}: ${rep.timeZone} ${SHIFT.start}-${SHIFT.end} daily, team ${rep.teamIds.join(', ')}, weight ${rep.weight}`,
    ),
    ...POOLS.map((pool) => `pool ${pool.id}: teams ${pool.teamIds.join(', ')}; SLA ${pool.slaMinutes} working minutes`),
    `account ${ACCOUNT.name} (${ACCOUNT.domains.join(', ')}), owner ${owner}`,
  ];
}
