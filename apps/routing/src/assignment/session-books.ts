import type { RepLoad } from '@handoff/domain-routing';
import { type AssignmentRecord, type AssignmentStatus, isLive } from './assignment.types';

/**
 * A session's view of the assignments and rep loads it acts on: what was loaded, plus every attempt made and
 * every status changed since, so each decision sees what the previous ones left.
 */
export class SessionBooks {
  private readonly loads: Map<string, RepLoad>;
  private readonly attempts = new Map<string, AssignmentRecord[]>();
  private readonly created = new Map<string, AssignmentRecord>();
  private readonly changed = new Map<string, AssignmentRecord>();

  constructor(loads: readonly RepLoad[], history: readonly AssignmentRecord[]) {
    this.loads = new Map(loads.map((load) => [load.repId, { ...load }]));
    for (const assignment of history) this.attemptsOf(assignment.qualificationId).push(assignment);
  }

  /** Every attempt of a qualification, oldest first. */
  attemptsOf(qualificationId: string): AssignmentRecord[] {
    let list = this.attempts.get(qualificationId);
    if (!list) {
      list = [];
      this.attempts.set(qualificationId, list);
    }
    return list;
  }

  /** The live assignments of a lead (one per qualification at most). */
  liveOf(leadId: string): AssignmentRecord[] {
    return [...this.attempts.values()].flatMap((attempts) =>
      attempts.filter((attempt) => attempt.leadId === leadId && isLive(attempt.status)),
    );
  }

  /** This session's view of an assignment: a status set earlier in the same transaction wins. */
  current(assignment: AssignmentRecord): AssignmentRecord {
    const known = this.attemptsOf(assignment.qualificationId).find((a) => a.assignmentId === assignment.assignmentId);
    return known ?? assignment;
  }

  add(assignment: AssignmentRecord): void {
    this.attemptsOf(assignment.qualificationId).push(assignment);
    this.created.set(assignment.assignmentId, assignment);
    const load = this.loadOf(assignment.repId);
    load.assignedToday += 1;
    load.assignedLast30Days += 1;
    load.openLeads += 1;
  }

  setStatus(assignment: AssignmentRecord, status: AssignmentStatus, at: string): void {
    const updated = { ...assignment, status, statusAt: at };
    const attempts = this.attemptsOf(assignment.qualificationId);
    const index = attempts.findIndex((attempt) => attempt.assignmentId === assignment.assignmentId);
    if (index < 0) attempts.push(updated);
    else attempts[index] = updated;
    if (this.created.has(assignment.assignmentId)) this.created.set(assignment.assignmentId, updated);
    else this.changed.set(assignment.assignmentId, updated);
    if (isLive(assignment.status) && !isLive(status)) {
      const load = this.loadOf(assignment.repId);
      load.openLeads = Math.max(0, load.openLeads - 1);
    }
  }

  currentLoads(): RepLoad[] {
    return [...this.loads.values()];
  }

  newAssignments(): AssignmentRecord[] {
    return [...this.created.values()];
  }

  changedAssignments(): AssignmentRecord[] {
    return [...this.changed.values()];
  }

  private loadOf(repId: string): RepLoad {
    let load = this.loads.get(repId);
    if (!load) {
      load = { repId, assignedToday: 0, assignedLast30Days: 0, openLeads: 0 };
      this.loads.set(repId, load);
    }
    return load;
  }
}
