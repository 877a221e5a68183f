import { Injectable } from '@nestjs/common';
import { DomainError } from '@handoff/shared-errors';
import type { AssignmentRecord } from '../assignment/assignment.types';
import { RoutingDecisions } from '../assignment/routing-decisions';
import { AssignmentStore } from '../assignment/assignment.store';
import { type LeadRouting, LeadRoutingReader } from './lead-routing.reader';

/** A lead's routing as a sales manager sees it: why it went where it went, and moving it by hand. */
@Injectable()
export class LeadRoutingService {
  constructor(
    private readonly reader: LeadRoutingReader,
    private readonly store: AssignmentStore,
    private readonly decisions: RoutingDecisions,
  ) {}

  async routing(leadId: string): Promise<LeadRouting> {
    const routing = await this.reader.read(leadId);
    if (routing.decisions.length === 0) throw new DomainError('not-found', `routing has not seen lead ${leadId}`);
    return routing;
  }

  /** Under the decision lock, like every other decision: the move sees (and is seen by) the consumer and timers. */
  async reassign(leadId: string, move: { repId?: string; reason?: string }): Promise<AssignmentRecord> {
    return this.decisions.runAlone(
      async (manager) => {
        const live = await this.store.liveAssignmentsOfLeads(manager, [leadId]);
        return this.store.qualifications(manager, [...new Set(live.map((assignment) => assignment.qualificationId))]);
      },
      (session) => session.manualReassign({ leadId, repId: move.repId, note: move.reason }),
    );
  }
}
