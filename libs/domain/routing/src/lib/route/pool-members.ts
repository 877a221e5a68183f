import type { Pool, RepProfile } from '../directory.types';

export interface PoolMembership {
  /** Every rep of the pool's teams plus its named reps, once each, in directory order. */
  members: RepProfile[];
  /** Named reps the directory does not know. */
  unknownRepIds: string[];
}

export function poolMembers(pool: Pool, reps: readonly RepProfile[]): PoolMembership {
  const members = reps.filter(
    (rep) => pool.repIds.includes(rep.id) || rep.teamIds.some((teamId) => pool.teamIds.includes(teamId)),
  );
  const unknownRepIds = pool.repIds.filter((repId) => !reps.some((rep) => rep.id === repId));
  return { members, unknownRepIds };
}

export function teamMembers(teamId: string, reps: readonly RepProfile[]): RepProfile[] {
  return reps.filter((rep) => rep.teamIds.includes(teamId));
}

/** The first of the rep's teams that belongs to the pool, for the decision's `teamId`. */
export function teamInPool(rep: RepProfile, pool: Pool): string | undefined {
  return rep.teamIds.find((teamId) => pool.teamIds.includes(teamId));
}
