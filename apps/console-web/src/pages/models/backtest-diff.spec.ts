import type { ModelBacktest } from '../../api/scoring';
import { comparisonRows, distributionRows } from './backtest-diff';

const model = (overrides: Partial<ModelBacktest>): ModelBacktest => ({
  modelVersion: 'v',
  qualifiedLeads: 0,
  qualificationEvents: 0,
  stageChanges: 0,
  distribution: [],
  ...overrides,
});

describe('distributionRows', () => {
  it('pairs the buckets of both models by range, lowest first, zero where one has none', () => {
    const rows = distributionRows(
      [
        { from: 10, to: 20, count: 3 },
        { from: 0, to: 10, count: 5 },
      ],
      [{ from: 0, to: 10, count: 2 }],
    );
    expect(rows).toEqual([
      { bucket: '0–10', active: 5, candidate: 2 },
      { bucket: '10–20', active: 3, candidate: 0 },
    ]);
  });
});

describe('comparisonRows', () => {
  it('lists headline figures then every final stage either model has, with the change', () => {
    const rows = comparisonRows(
      model({ qualifiedLeads: 10, qualificationEvents: 12, stageChanges: 30, finalStages: { mql: 4 } }),
      model({ qualifiedLeads: 14, qualificationEvents: 15, stageChanges: 28, finalStages: { sql: 1 } }),
    );
    expect(rows).toEqual([
      { measure: 'Qualified leads', active: 10, candidate: 14, change: 4 },
      { measure: 'Qualifications', active: 12, candidate: 15, change: 3 },
      { measure: 'Stage changes', active: 30, candidate: 28, change: -2 },
      { measure: 'Leads now mql', active: 4, candidate: 0, change: -4 },
      { measure: 'Leads now sql', active: 0, candidate: 1, change: 1 },
    ]);
  });
});
