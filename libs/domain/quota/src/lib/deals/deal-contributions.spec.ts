import { fact } from '../../testing/builders';
import type { TeamMembership } from '../teams/team-history';
import { contributionsOfDeal } from './deal-contributions';
import { dealStateOf } from './deal-state';

const memberships: TeamMembership[] = [
  { repId: 'ana', teamId: 'emea', from: '2026-01-01T00:00:00Z', to: '2027-02-15T00:00:00Z' },
  { repId: 'ana', teamId: 'dach', from: '2027-02-15T00:00:00Z' },
];
const won = fact('e1', 'won', '2027-02-10T16:00:00Z', { repId: 'ana', amount: 10_000, currency: 'EUR' });

describe('contributionsOfDeal', () => {
  it('credits a won deal and its revenue to the rep and the team the rep was in at the close', () => {
    expect(contributionsOfDeal(dealStateOf([won]), memberships)).toEqual([
      { id: 'deal-1:won', kind: 'deal_won', repId: 'ana', teamId: 'emea', at: won.occurredAt },
      {
        id: 'deal-1:revenue',
        kind: 'revenue',
        repId: 'ana',
        teamId: 'emea',
        at: won.occurredAt,
        amount: 10_000,
        currency: 'EUR',
      },
    ]);
  });

  it('credits a deal re-won after the move to the new team, at the new close date', () => {
    const reopened = fact('e2', 'reopened', '2027-02-12T09:00:00Z');
    const wonAgain = fact('e3', 'won', '2027-03-03T10:00:00Z', { repId: 'ana' });

    expect(contributionsOfDeal(dealStateOf([won, reopened, wonAgain]), memberships)).toEqual([
      expect.objectContaining({ kind: 'deal_won', teamId: 'dach', at: wonAgain.occurredAt }),
      expect.objectContaining({ kind: 'revenue', teamId: 'dach', at: wonAgain.occurredAt, amount: 10_000 }),
    ]);
  });

  it('counts only the deal won while no amount is known yet', () => {
    expect(
      contributionsOfDeal(dealStateOf([fact('e1', 'won', won.occurredAt, { repId: 'ana' })]), memberships),
    ).toEqual([expect.objectContaining({ kind: 'deal_won' })]);
  });

  it('leaves out the team when the rep had none at the close', () => {
    expect(contributionsOfDeal(dealStateOf([won]), [])[0]).not.toHaveProperty('teamId');
  });

  it('counts nothing for an open, lost or reopened deal, nor for a won deal nobody is credited with', () => {
    expect(contributionsOfDeal(dealStateOf([fact('e0', 'created', '2027-01-02T00:00:00Z')]), memberships)).toEqual([]);
    expect(
      contributionsOfDeal(dealStateOf([fact('e2', 'lost', won.occurredAt, { repId: 'ana' })]), memberships),
    ).toEqual([]);
    expect(
      contributionsOfDeal(dealStateOf([won, fact('e2', 'reopened', '2027-02-12T09:00:00Z')]), memberships),
    ).toEqual([]);
    expect(contributionsOfDeal(dealStateOf([{ ...won, repId: undefined }]), memberships)).toEqual([]);
  });
});
