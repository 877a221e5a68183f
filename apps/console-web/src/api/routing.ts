// Routing's JSON, passed through by the console (apps/routing/openapi.json): only the fields the pages read.

export type Strategy = 'round_robin' | 'weighted_round_robin' | 'least_loaded' | 'capacity_aware';

export interface EligibilityCheck {
  check: string;
  passed: boolean;
  detail: string;
}

export interface CandidateTrace {
  repId: string;
  eligible: boolean;
  checks: EligibilityCheck[];
  strategyScore?: number;
  strategyDetail?: string;
  chosen: boolean;
}

export interface RoutingTrace {
  rules: { ruleId: string; matched: boolean; failedCondition?: string }[];
  accountMatch?: { accountId: string; ownerRepId?: string; confidence: number };
  candidates: CandidateTrace[];
  notes?: string[];
}

export interface RoutingDecision {
  qualificationId: string;
  decidedAt: string;
  trigger: string;
  outcome: 'assigned' | 'queued';
  repId?: string;
  poolId: string;
  ruleId: string;
  ruleSetVersion: string;
  reason: string;
  trace: RoutingTrace;
}

export interface Assignment {
  assignmentId: string;
  attempt: number;
  trigger: string;
  repId: string;
  poolId: string;
  path: string;
  reason: string;
  assignedAt: string;
  slaDueAt: string;
  status: string;
  statusAt: string;
}

/** `GET /api/leads/:id/routing`: routing's LeadRoutingDto. */
export interface LeadRouting {
  leadId: string;
  decisions: RoutingDecision[];
  assignments: Assignment[];
}

/** `POST /api/leads/:id/reassign` body: routing's ReassignBodyDto. */
export interface ReassignRequest {
  repId?: string;
  reason?: string;
}

export interface DailyWindow {
  start: string;
  end: string;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type WeeklyHours = Partial<Record<Weekday, DailyWindow[]>>;

export interface Period {
  from: string;
  to: string;
}

/** Routing's RepDto; also the body of `PUT /api/routing/reps/:id`, which takes the rep's full representation. */
export interface Rep {
  id: string;
  name: string;
  active: boolean;
  teamIds: string[];
  weight: number;
  languages: string[];
  skills: string[];
  timeZone: string;
  workingHours: WeeklyHours;
  outOfOffice: Period[];
  pausedUntil?: string;
  dailyCap?: number;
  rolling30DayCap?: number;
}

export interface Pool {
  id: string;
  name: string;
  repIds: string[];
  slaMinutes: number;
}

export interface RepFairness {
  repId: string;
  weight: number;
  assignments: number;
  weightedShare: number;
  expected: number;
  deviation: number;
}

/** `GET /api/routing/pools/:id/fairness`: routing's PoolFairnessDto. */
export interface PoolFairness {
  poolId: string;
  from: string;
  to: string;
  totalAssignments: number;
  reps: RepFairness[];
  timeInQueueMs: { count: number; p50: number; p90: number; max: number };
}

export interface ActiveRuleSet {
  version: string;
  activatedAt: string | null;
  ruleSet: Record<string, unknown>;
}

/** `POST /api/routing/dry-run` body's lead: routing's SampleLeadDto. */
export interface SampleLead {
  country?: string;
  region?: string;
  postalCode?: string;
  employeeCount?: number;
  industry?: string;
  grade: 'A' | 'B' | 'C' | 'D';
  behaviourScore: number;
  fitScore: number;
  productInterest?: string;
  source?: string;
  company?: string;
  companyDomain?: string;
  emailDomain?: string;
}

export interface DryRunAnswer {
  ruleSetVersion: string;
  decidedAt: string;
  decision: {
    outcome: 'assigned' | 'queued';
    repId?: string;
    poolId: string;
    ruleId: string;
    strategy: Strategy;
    path?: string;
    reason: string;
    slaDueAt?: string;
  };
  trace: RoutingTrace;
}

/** One lead waiting in a pool's queue: routing's QueuedLeadDto. */
export interface QueuedLead {
  qualificationId: string;
  leadId: string;
  company?: string;
  companyDomain?: string;
  qualifiedAt: string;
  poolId: string;
  queuedSince: string;
  trigger: string;
  ruleId: string;
  reason: string;
}

/** `GET /api/routing/queue`: routing's RoutingQueueDto, longest wait first. */
export interface RoutingQueue {
  total: number;
  leads: QueuedLead[];
}
