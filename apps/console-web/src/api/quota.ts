// Quota's JSON, passed through by the console (apps/quota/openapi.json): only the fields the page reads.

export type Pace = 'ahead' | 'on_pace' | 'behind';

export interface Team {
  id: string;
  name?: string;
}

export interface LeaderboardRow {
  rank: number;
  repId: string;
  currency: string | null;
  attainmentRatio: number | null;
  attained: number | null;
  target: number | null;
  pace: Pace;
  /** Revenue expected to date − attained (positive = behind). */
  paceGap: number | null;
  dealsWon: number;
  leadsAccepted: number;
  meetingsHeld: number;
  openLeads: number;
}

export interface TargetAttainment {
  target: number;
  attained: number;
  ratio: number;
  expectedToDate: number;
  pace: Pace;
  currency?: string;
}

/** `GET /api/quotas/teams/:id/leaderboard?period=`: quota's LeaderboardDto. */
export interface Leaderboard {
  teamId: string;
  period: { id: string; start: string; end: string };
  asOf: string;
  team: {
    elapsedFraction: number;
    expectedShare: number;
    revenue?: TargetAttainment;
    dealsWon?: TargetAttainment;
    leadsAccepted?: TargetAttainment;
    meetingsHeld?: TargetAttainment;
  };
  members: LeaderboardRow[];
}
