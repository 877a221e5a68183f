import { exampleEvents } from '@handoff/contracts';
import {
  acceptedContribution,
  dealFactOfCrm,
  dealFactOfSale,
  dealIdOfLead,
  meetingContribution,
} from './outcome-facts';

describe('outcome facts', () => {
  it('turns a won with a deal id into a won fact of that deal, crediting the rep given', () => {
    const won = exampleEvents.salesActivity({ outcome: 'won', dealId: 'deal-9', amount: 100, currency: 'eur' });

    expect(dealFactOfSale(won, 'rep-2')).toEqual({
      eventId: won.eventId,
      dealId: 'deal-9',
      kind: 'won',
      occurredAt: won.occurredAt,
      repId: 'rep-2',
      leadId: won.leadId,
      amount: 100,
      currency: 'EUR',
    });
  });

  it('files a won without a deal id under the lead’s deal, so a later lost of the lead folds with it', () => {
    const won = exampleEvents.salesActivity({ outcome: 'won', dealId: undefined });
    const lost = exampleEvents.salesActivity({ outcome: 'lost', dealId: undefined, leadId: won.leadId });

    expect(dealFactOfSale(won, 'rep-1')?.dealId).toBe(dealIdOfLead(won.leadId));
    expect(dealFactOfSale(lost, 'rep-1')?.dealId).toBe(dealIdOfLead(won.leadId));
  });

  it('states no deal fact for an acceptance or a rejection', () => {
    expect(dealFactOfSale(exampleEvents.salesActivity({ outcome: 'accepted' }), 'rep-1')).toBeUndefined();
    expect(dealFactOfSale(exampleEvents.salesActivity({ outcome: 'rejected' }), 'rep-1')).toBeUndefined();
  });

  it.each([
    ['deal_created', 'created'],
    ['deal_reopened', 'reopened'],
    ['amount_corrected', 'amount_corrected'],
  ] as const)('maps the CRM’s %s to a %s fact', (outcome, kind) => {
    expect(dealFactOfCrm(exampleEvents.crmOutcome({ outcome }))?.kind).toBe(kind);
  });

  it('counts a meeting held as a meeting of its rep, once per event, and never as a deal fact', () => {
    const meeting = exampleEvents.crmOutcome({ outcome: 'meeting_held', dealId: undefined });

    expect(dealFactOfCrm(meeting)).toBeUndefined();
    expect(meetingContribution(meeting)).toEqual({
      id: `meeting:${meeting.eventId}`,
      kind: 'meeting_held',
      repId: meeting.repId,
      at: meeting.occurredAt,
    });
    expect(meetingContribution(exampleEvents.crmOutcome())).toBeUndefined();
  });

  it('counts a lead accepted once per lead and rep', () => {
    const accepted = exampleEvents.salesActivity({ outcome: 'accepted' });
    const again = exampleEvents.salesActivity({ outcome: 'accepted', leadId: accepted.leadId });

    expect(acceptedContribution(accepted, 'rep-1').id).toBe(acceptedContribution(again, 'rep-1').id);
    expect(acceptedContribution(accepted, 'rep-1').id).not.toBe(acceptedContribution(accepted, 'rep-2').id);
  });
});
