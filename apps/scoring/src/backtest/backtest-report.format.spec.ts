import { backtest, type LeadHistory } from '@handoff/domain-scoring';
import { DEFAULT_SCORING_MODEL } from '../testing/default-model';
import { formatBacktestReport } from './backtest-report.format';

const at = '2026-03-10T00:00:00.000Z';
const history: LeadHistory = {
  leadId: 'lead-1',
  events: [
    {
      kind: 'engagement',
      engagement: {
        eventId: 'e1',
        type: 'demo_request',
        occurredAt: at,
        profile: { industry: 'software', employeeCount: 300, seniority: 'vp' },
      },
    },
  ],
};

describe('formatBacktestReport', () => {
  it('puts both models side by side and lists the leads that would end differently', () => {
    const candidate = {
      ...DEFAULT_SCORING_MODEL,
      version: '2',
      qualification: { minBehaviour: 30, minGrade: 'B' as const },
      decayThresholds: { coldBelow: 10 },
    };
    const text = formatBacktestReport(backtest([history], candidate, DEFAULT_SCORING_MODEL, at));
    expect(text).toContain('Backtest of 1 lead(s) as of 2026-03-10T00:00:00.000Z');
    expect(text).toMatch(/leads qualified\s+0\s+1/);
    expect(text).toContain('1 lead(s) would end in another stage or qualification:');
    expect(text).toContain('lead-1: lead -> mql (qualified)');
  });
});
