import type { PoolStrategyState } from '../decision.types';
import type { RepProfile } from '../directory.types';
import { advanceState } from './advance-state';
import { RoundRobinStrategy } from './round-robin.strategy';
import type { SelectionStrategy, StrategyCandidate, StrategyPick, StrategyScore } from './selection-strategy';
import { sortedCandidates } from './turn-order';

/** Float noise allowance, in leads, when comparing credits and due times. */
const EPSILON = 1e-9;

interface Standing {
  rep: RepProfile;
  /** The rep's share of the eligible weight. */
  share: number;
  /** Leads owed after this turn's earnings: weight shares earned minus leads received, re-centred. */
  credit: number;
  isDue: boolean;
  /** Assignments until the credit reaches the deadline; ≤ 0 is overdue. */
  dueIn: number;
}

/**
 * Smooth, deterministic weighted round robin in the credit form of nginx's smooth WRR, choosing by Tijdeman's
 * chairman-assignment rule (earliest deadline first) instead of the largest credit: with n reps of positive
 * weight and fixed weights every rep stays within 1 − 1/(2n−2) leads of weight share × N for every prefix N,
 * so within 2 over any window. Largest credit (nginx, "largest deficit") does not: measured 1.61 leads behind
 * with many weight-1 reps beside a few weight-50 reps.
 *
 * Each turn every eligible rep with weight earns its weight share of a lead; a rep is due once owed at least
 * 1/(2n−2) of a lead; among the due, the one whose credit reaches 1 − 1/(2n−2) soonest gets the lead and pays
 * one. Ties go to the lower rep id.
 *
 * Credits are in leads, not weight units, and kept rather than recomputed from history, so a weight change only
 * changes how fast a rep earns from now on (no catch-up burst, whatever the weights' scale). A new rep starts
 * at 0. Reps not eligible earn nothing and keep their credit frozen. The eligible reps' credits are first
 * re-centred to sum to 0, all shifted by their mean (never by more than the largest credit); shifting in
 * proportion to weight instead handed a heavy rep the debt of reps who had just been served (a catch-up run
 * when one joins beside them). Weight 0 takes no leads while any eligible rep has weight; if none has, they
 * take turns. Score: leads owed, counting this turn's earnings.
 */
export class SmoothWeightedRoundRobinStrategy implements SelectionStrategy {
  readonly name = 'weighted_round_robin' as const;
  private readonly turns = new RoundRobinStrategy();

  pick(eligible: StrategyCandidate[], members: RepProfile[], state: PoolStrategyState): StrategyPick {
    const candidates = sortedCandidates(eligible);
    const kept = keptCredits(state.credits ?? {}, [...members, ...candidates.map((c) => c.rep)]);
    const weighted = candidates.map((c) => c.rep).filter((rep) => rep.weight > 0);
    if (weighted.length === 0) return this.takeTurns(candidates, members, state, kept);

    const total = sum(weighted.map((rep) => rep.weight));
    const standings = standingsOf(weighted, kept, total);
    const chosen = standings.filter((s) => s.isDue).reduce((best, s) => (s.dueIn < best.dueIn - EPSILON ? s : best));

    const credits = { ...kept };
    for (const s of standings) credits[s.rep.id] = s.credit - (s === chosen ? 1 : 0);
    const byId = new Map(standings.map((s) => [s.rep.id, s]));
    const scores = candidates.map(({ rep }): StrategyScore => {
      const standing = byId.get(rep.id);
      if (standing === undefined) {
        return { repId: rep.id, score: 0, detail: 'weight 0: no leads while an eligible rep has weight' };
      }
      return scoreOf(standing, total, weighted.length, standing === chosen);
    });
    return { repId: chosen.rep.id, state: advanceState(state, chosen.rep.id, credits), scores };
  }

  private takeTurns(
    candidates: StrategyCandidate[],
    members: RepProfile[],
    state: PoolStrategyState,
    credits: Record<string, number>,
  ): StrategyPick {
    const pick = this.turns.pick(candidates, members, state);
    return {
      repId: pick.repId,
      state: { ...pick.state, credits },
      scores: pick.scores.map((s) => ({
        ...s,
        detail: `every eligible rep has weight 0, so they take turns: ${s.detail}`,
      })),
    };
  }
}

/** Credits of current reps only; a rep who left the pool takes their credit with them. */
function keptCredits(credits: Record<string, number>, reps: RepProfile[]): Record<string, number> {
  const ids = new Set(reps.map((rep) => rep.id));
  return Object.fromEntries(Object.entries(credits).filter(([id]) => ids.has(id)));
}

function standingsOf(weighted: RepProfile[], kept: Record<string, number>, total: number): Standing[] {
  const mean = sum(weighted.map((rep) => kept[rep.id] ?? 0)) / weighted.length;
  const margin = dueMargin(weighted.length);
  const earned = weighted.map((rep) => {
    const share = rep.weight / total;
    return { rep, share, credit: (kept[rep.id] ?? 0) - mean + share };
  });
  // Credits sum to one lead here, so the largest is owed ≥ 1/n lead ≥ the margin: someone is always due.
  const dueFrom = Math.min(margin, Math.max(...earned.map((e) => e.credit))) - EPSILON;
  return earned.map(({ rep, share, credit }) => ({
    rep,
    share,
    credit,
    isDue: credit >= dueFrom,
    dueIn: (1 - margin - credit) / share,
  }));
}

/** Tijdeman's 1/(2n−2): the share of a lead a rep must be owed before it may be chosen. */
function dueMargin(repsWithWeight: number): number {
  return repsWithWeight > 1 ? 1 / (2 * repsWithWeight - 2) : 0;
}

function scoreOf(standing: Standing, total: number, repsWithWeight: number, chosen: boolean): StrategyScore {
  const share = `weight ${standing.rep.weight} of ${total} (${percent(standing.share)})`;
  const owedText = `owed ${standing.credit.toFixed(2)} leads`;
  const timing = !standing.isDue
    ? `not due until owed ${dueMargin(repsWithWeight).toFixed(2)}`
    : standing.dueIn <= 0
      ? 'due now'
      : `due in ${standing.dueIn.toFixed(2)} assignments`;
  const detail = `${share}, ${owedText}, ${timing}${chosen ? ', due soonest' : ''}`;
  return { repId: standing.rep.id, score: round(standing.credit, 3), detail };
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
const percent = (ratio: number): string => `${Number((ratio * 100).toFixed(1))}%`;
const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;
