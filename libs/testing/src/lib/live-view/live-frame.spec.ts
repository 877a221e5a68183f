import { FRAME_TITLE, formatLiveFrame, type LiveSnapshot } from './live-frame';

const NAMES: Record<string, string> = { ana: 'Ana Ribeiro', tom: 'Tom Hughes', mei: 'Mei Lin' };
const options = { nameOf: (repId: string) => NAMES[repId] ?? repId, top: 2 };

function snapshot(overrides: Partial<LiveSnapshot> = {}): LiveSnapshot {
  return {
    elapsedSeconds: 12.7,
    ratePerSecond: 20,
    durationSeconds: 60,
    funnel: {
      eventsIngested: 1234,
      leads: 80,
      leadsScored: 78,
      mqls: 12,
      leadsRouted: 11,
      routedPerRep: new Map([
        ['tom', 3],
        ['mei', 5],
        ['ana', 3],
      ]),
      reassignments: new Map([
        ['sla_missed', 2],
        ['rejected', 1],
      ]),
    },
    attainment: [
      { repId: 'ana', attained: 15_000, ratio: 0.1, currency: 'EUR' },
      { repId: 'tom', attained: 0, ratio: 0, currency: 'GBP' },
      { repId: 'mei', attained: 60_000, ratio: 0.4, currency: 'USD' },
    ],
    consumers: { ingest: { consumed: 40, lag: 0 }, scoring: { consumed: 1200, lag: 34 }, quota: undefined },
    ...overrides,
  };
}

describe('formatLiveFrame', () => {
  it('opens with the title, the time run of the duration and the rate', () => {
    expect(formatLiveFrame(snapshot(), options)[0]).toBe(`${FRAME_TITLE} · 12s of 60s · 20 messages/s · Ctrl-C stops`);
    expect(formatLiveFrame(snapshot({ durationSeconds: undefined }), options)[0]).toContain('· 12s · 20 messages/s');
  });

  it('shows the funnel and the reassignments by reason', () => {
    const frame = formatLiveFrame(snapshot(), options);

    expect(frame).toContain('events ingested 1,234 · leads 80 · scored 78 · MQLs 12 · routed 11');
    expect(frame).toContain('reassigned: 2 after a missed SLA · 1 after a rejection');
  });

  it('ranks the top reps by leads routed, ties by name, and by attainment among those who won a deal', () => {
    const frame = formatLiveFrame(snapshot(), options).join('\n');

    expect(frame).toMatch(/leads routed, top reps\n {2}Mei Lin +5\n {2}Ana Ribeiro +3\n\n/);
    expect(frame).toMatch(
      /attainment this quarter, top reps\n {2}Mei Lin +40% \(60,000 USD\)\n {2}Ana Ribeiro +10% \(15,000 EUR\)\n\n/,
    );
  });

  it("shows each service's consumed records and lag, and which did not answer", () => {
    const frame = formatLiveFrame(snapshot(), options);

    expect(frame).toContain(`  ${'scoring'.padEnd(22)}${'1,200'.padStart(10)}${'34'.padStart(8)}`);
    expect(frame.find((line) => line.startsWith('  quota'))).toContain('/metrics did not answer');
  });

  it('says so when nothing was routed, reassigned or won yet', () => {
    const empty = snapshot({
      funnel: { ...snapshot().funnel, routedPerRep: new Map(), reassignments: new Map() },
      attainment: [{ repId: 'tom', attained: 0, ratio: 0, currency: 'GBP' }],
    });
    const frame = formatLiveFrame(empty, options);

    expect(frame).toEqual(
      expect.arrayContaining(['reassigned: none yet', '  nothing routed yet', '  no deal won yet']),
    );
  });
});
