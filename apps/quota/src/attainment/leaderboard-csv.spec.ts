import { parse } from 'csv-parse/sync';
import type { LeaderboardRow } from './leaderboard';
import { LEADERBOARD_CSV_COLUMNS, leaderboardCsv } from './leaderboard-csv';

const row: LeaderboardRow = {
  rank: 1,
  repId: 'ana',
  quotaId: 'ana-FY2026-Q1',
  currency: 'USD',
  attainmentRatio: 1.25,
  attained: 12500,
  target: 10000,
  pace: 'ahead',
  paceGap: -2500,
  dealsWon: 3,
  leadsAccepted: 7,
  meetingsHeld: 4,
  openLeads: 2,
  pendingConversions: 0,
  restated: false,
};

describe('leaderboardCsv', () => {
  it('writes a header and one line per row, null cells empty, negative numbers as numbers', () => {
    const csv = leaderboardCsv([row, { ...row, rank: 2, repId: 'bo', quotaId: null, attainmentRatio: null }]);

    expect(parse(csv)).toEqual([
      [...LEADERBOARD_CSV_COLUMNS],
      [
        '1',
        'ana',
        'ana-FY2026-Q1',
        'USD',
        '1.25',
        '12500',
        '10000',
        'ahead',
        '-2500',
        '3',
        '7',
        '4',
        '2',
        '0',
        'false',
      ],
      ['2', 'bo', '', 'USD', '', '12500', '10000', 'ahead', '-2500', '3', '7', '4', '2', '0', 'false'],
    ]);
  });

  it.each(['=HYPERLINK("x")', '+1', '-1+1', '@SUM(A1)'])('quotes a text cell a spreadsheet would run: %s', (id) => {
    const [, cells] = parse(leaderboardCsv([{ ...row, repId: id }])) as string[][];

    expect(cells[1]).toBe(`'${id}`);
  });
});
