import { type LeadRoutedV1, Topics } from '@handoff/contracts';
import { aQualification, sessionContext, sessionRep } from '../testing/session-fixtures';
import type { QualificationRecord } from './assignment.types';
import { RoutingSession } from './routing-session';

const LATER = '2026-03-02T10:30:00.000Z';
const reps = [sessionRep('ana'), sessionRep('bo'), sessionRep('cy', { dailyCap: 0 })];

/** A lead qualified and routed in one session, then a later session that knows it (as the service loads it). */
function routedLead(): { qualification: QualificationRecord; later: RoutingSession; firstRepId: string } {
  const qualification = aQualification();
  const first = new RoutingSession(sessionContext(reps));
  first.qualify(qualification);
  const { newAssignments, qualifications } = first.changes();
  const later = new RoutingSession(sessionContext(reps, LATER), newAssignments, qualifications);
  return { qualification, later, firstRepId: newAssignments[0].repId };
}

const routedEvents = (session: RoutingSession): LeadRoutedV1[] =>
  session
    .changes()
    .outbox.filter((message) => message.topic === Topics.leadRouted.name)
    .map((message) => JSON.parse(message.value) as LeadRoutedV1);

describe('RoutingSession.manualReassign', () => {
  it('moves the live assignment to the named rep, bypassing the cap, and publishes the move', () => {
    const { qualification, later, firstRepId } = routedLead();

    const moved = later.manualReassign({ leadId: qualification.leadId, repId: 'cy', note: 'knows the account' });

    expect(moved).toMatchObject({ repId: 'cy', attempt: 2, trigger: 'manual', path: 'manual', status: 'open' });
    expect(moved.slaDueAt).toBe('2026-03-02T11:30:00.000Z');
    const changes = later.changes();
    expect(changes.changedAssignments).toEqual([
      expect.objectContaining({ repId: firstRepId, status: 'reassigned', statusAt: LATER }),
    ]);
    expect(changes.newAssignments).toEqual([moved]);
    expect(changes.decisions).toEqual([
      expect.objectContaining({
        trigger: 'manual',
        outcome: 'assigned',
        repId: 'cy',
        assignmentId: moved.assignmentId,
      }),
    ]);
    expect(changes.decisions[0].trace.notes).toEqual([
      'named by a sales manager: eligibility bypassed (at the daily cap)',
    ]);
    expect(routedEvents(later)).toEqual([
      expect.objectContaining({
        assignmentId: moved.assignmentId,
        trigger: 'manual',
        path: 'manual',
        repId: 'cy',
        previousRepId: firstRepId,
        attempt: 2,
      }),
    ]);
  });

  it('without a named rep, gives the lead to the next eligible rep of its pool who has not had it', () => {
    const { qualification, later, firstRepId } = routedLead();

    const moved = later.manualReassign({ leadId: qualification.leadId });

    // cy is at the daily cap and the first rep had the lead: one rep is left.
    const [left] = ['ana', 'bo'].filter((repId) => repId !== firstRepId);
    expect(moved).toMatchObject({ repId: left, trigger: 'manual', path: 'fallback_pool', poolId: 'inbound' });
    expect(later.changes().poolStates.get('inbound')).toMatchObject({ lastRepId: left });
  });

  it('refuses when nobody else in the pool is eligible, changing nothing', () => {
    const { qualification, later } = routedLead();
    later.manualReassign({ leadId: qualification.leadId });
    const before = later.changes();
    const counts = [before.newAssignments.length, before.changedAssignments.length, before.decisions.length];

    expect(() => later.manualReassign({ leadId: qualification.leadId })).toThrow(
      expect.objectContaining({
        code: 'conflict',
        message: expect.stringMatching(/^nobody else can take the lead now: .*ineligible/),
      }),
    );
    const after = later.changes();
    expect([after.newAssignments.length, after.changedAssignments.length, after.decisions.length]).toEqual(counts);
  });

  it('answers not found for a lead without a live assignment', () => {
    const session = new RoutingSession(sessionContext(reps));
    expect(() => session.manualReassign({ leadId: aQualification().leadId })).toThrow(
      expect.objectContaining({ code: 'not-found' }),
    );
  });

  it('refuses a rep the directory does not know, naming repId', () => {
    const { qualification, later } = routedLead();
    expect(() => later.manualReassign({ leadId: qualification.leadId, repId: 'nobody' })).toThrow(
      expect.objectContaining({ details: [{ field: 'repId', reasons: ['no rep has the id "nobody"'] }] }),
    );
    expect(later.changes().decisions).toEqual([]);
  });
});
