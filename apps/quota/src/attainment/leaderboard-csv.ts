import { stringify } from 'csv-stringify/sync';
import type { LeaderboardRow } from './leaderboard';

export const LEADERBOARD_CSV_COLUMNS: readonly (keyof LeaderboardRow)[] = [
  'rank',
  'repId',
  'quotaId',
  'currency',
  'attainmentRatio',
  'attained',
  'target',
  'pace',
  'paceGap',
  'dealsWon',
  'leadsAccepted',
  'meetingsHeld',
  'openLeads',
  'pendingConversions',
  'restated',
];

/**
 * The leaderboard as CSV, a row per member in rank order; null cells are empty. A text cell a spreadsheet would run
 * as a formula (starting with = + - @) gets a leading quote; numbers stay numbers, negative ones included.
 */
export function leaderboardCsv(rows: readonly LeaderboardRow[]): string {
  return stringify(rows as LeaderboardRow[], {
    header: true,
    columns: LEADERBOARD_CSV_COLUMNS as string[],
    escape_formulas: true,
    cast: { boolean: (value) => String(value) },
  });
}
