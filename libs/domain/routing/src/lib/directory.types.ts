/** The sales organisation as routing sees it: plain data, loaded by the service from its schema. */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall-clock times `HH:mm` in the rep's own time zone; `end` is exclusive and may be `24:00`. */
export interface DailyWindow {
  start: string;
  end: string;
}

/** Working windows per weekday; a weekday that is absent or empty is a day off. */
export type WeeklyHours = Partial<Record<Weekday, DailyWindow[]>>;

/** A half-open span of instants `[from, to)`, ISO 8601 with offset. */
export interface Period {
  from: string;
  to: string;
}

export interface RepProfile {
  id: string;
  name: string;
  active: boolean;
  teamIds: string[];
  /** Relative share for weighted strategies; 0 means the rep takes no new leads from weighted pools. */
  weight: number;
  languages: string[];
  skills: string[];
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: string;
  workingHours: WeeklyHours;
  outOfOffice: Period[];
  pausedUntil?: string;
  /** Most new assignments per local calendar day (in the rep's time zone); absent = no cap. */
  dailyCap?: number;
  /** Most new assignments over the last 30 days (rolling); absent = no cap. */
  rolling30DayCap?: number;
}

export interface Team {
  id: string;
  name: string;
}

/** A set of reps a rule can send leads to, with how the pool decides and what it promises. */
export interface Pool {
  id: string;
  name: string;
  /** Members are every rep of these teams plus these reps. */
  teamIds: string[];
  repIds: string[];
  /** Only reps inside their working hours are eligible. */
  requireWorkingHours: boolean;
  /** Minutes a rep has to accept an assignment. */
  slaMinutes: number;
  /** Count the SLA in the rep's working hours instead of wall-clock time. */
  slaInBusinessHours: boolean;
  /** Assignments of one qualification in this pool before it escalates to the fallback pool. */
  maxAttempts: number;
}

export interface Territory {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 codes. */
  countries: string[];
  /** Region or state names/codes, compared case-insensitively. */
  regions: string[];
  postalPrefixes: string[];
}

export interface Account {
  id: string;
  name: string;
  /** Lower-case domains, e.g. `acme.com`. */
  domains: string[];
  ownerRepId?: string;
  segment?: string;
}

/** How busy a rep is, counted by the service from its assignments. */
export interface RepLoad {
  repId: string;
  /** Assignments since the rep's local midnight. */
  assignedToday: number;
  assignedLast30Days: number;
  /** Assignments not yet accepted, rejected or closed. */
  openLeads: number;
}

/** The latest `rep.capacity.v1` figures quota published for a rep. */
export interface RepCapacity {
  repId: string;
  remainingLeadCapacity: number;
  attainmentRatio: number;
  /** Expected-to-date minus attained, in the quota's currency; positive = behind pace. */
  paceGap: number;
  available: boolean;
}

/** Everything a decision reads about the organisation, as of one moment. */
export interface DirectorySnapshot {
  reps: RepProfile[];
  teams: Team[];
  pools: Pool[];
  territories: Territory[];
  accounts: Account[];
  loads: RepLoad[];
  capacities: RepCapacity[];
}
