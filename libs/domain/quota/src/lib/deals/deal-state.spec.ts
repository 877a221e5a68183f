import { fact } from '../../testing/builders';
import { dealStateOf } from './deal-state';

const created = fact('e1', 'created', '2027-01-05T10:00:00Z', {
  repId: 'ana',
  leadId: 'lead-1',
  amount: 8000,
  currency: 'EUR',
});
const won = fact('e2', 'won', '2027-02-10T16:00:00Z', { repId: 'ana', amount: 10_000, currency: 'EUR' });

describe('dealStateOf', () => {
  it('is open while only created', () => {
    expect(dealStateOf([created])).toMatchObject({
      dealId: 'deal-1',
      status: 'open',
      repId: 'ana',
      leadId: 'lead-1',
      amount: 8000,
    });
  });

  it("is won at the won fact's time, with its amount, currency and rep", () => {
    expect(dealStateOf([created, won])).toEqual({
      dealId: 'deal-1',
      status: 'won',
      closedAt: '2027-02-10T16:00:00Z',
      repId: 'ana',
      leadId: 'lead-1',
      amount: 10_000,
      currency: 'EUR',
    });
  });

  it("is lost at the lost fact's time", () => {
    expect(dealStateOf([created, fact('e3', 'lost', '2027-02-11T09:00:00Z')])).toMatchObject({
      status: 'lost',
      closedAt: '2027-02-11T09:00:00Z',
    });
  });

  it("takes a won deal's amount from an earlier fact when the won fact states none", () => {
    expect(dealStateOf([fact('e2', 'won', won.occurredAt, { repId: 'ana' }), created])).toMatchObject({
      status: 'won',
      amount: 8000,
      currency: 'EUR',
    });
  });

  it('applies a correction made after the close, whether it arrives after or before the won fact', () => {
    const correction = fact('e3', 'amount_corrected', '2027-02-12T08:00:00Z', { amount: 12_500, currency: 'USD' });
    const expected = { status: 'won', closedAt: won.occurredAt, amount: 12_500, currency: 'USD' };

    expect(dealStateOf([created, won, correction])).toMatchObject(expected);
    expect(dealStateOf([correction, won, created])).toMatchObject(expected);
  });

  it('lets the won amount stand over a correction made while the deal was still open', () => {
    const earlierCorrection = fact('e3', 'amount_corrected', '2027-01-20T08:00:00Z', { amount: 9000 });

    expect(dealStateOf([won, earlierCorrection, created])).toMatchObject({ status: 'won', amount: 10_000 });
  });

  it('un-wins a deal reopened after it was won', () => {
    const reopened = fact('e3', 'reopened', '2027-02-20T09:00:00Z');

    expect(dealStateOf([reopened, won, created])).toEqual({
      dealId: 'deal-1',
      status: 'reopened',
      repId: 'ana',
      leadId: 'lead-1',
      amount: 10_000,
      currency: 'EUR',
    });
  });

  it("re-wins a reopened deal at the new won fact's date and amount", () => {
    const reopened = fact('e3', 'reopened', '2027-02-20T09:00:00Z');
    const wonAgain = fact('e4', 'won', '2027-04-02T11:00:00Z', { repId: 'ana', amount: 11_000, currency: 'EUR' });

    expect(dealStateOf([wonAgain, reopened, won, created])).toMatchObject({
      status: 'won',
      closedAt: '2027-04-02T11:00:00Z',
      amount: 11_000,
    });
  });

  it('counts a redelivered fact once: a reopen delivered again after the re-win does not un-win it', () => {
    const reopened = fact('e3', 'reopened', '2027-02-20T09:00:00Z');
    const wonAgain = fact('e4', 'won', '2027-04-02T11:00:00Z', { repId: 'ana' });

    expect(dealStateOf([created, won, reopened, wonAgain, { ...reopened }, { ...won }])).toMatchObject({
      status: 'won',
      closedAt: '2027-04-02T11:00:00Z',
    });
  });

  it('orders facts of the same instant by event id, so a tie has one outcome', () => {
    const at = '2027-02-10T16:00:00Z';
    const lostA = fact('a-lost', 'lost', at);
    const wonB = fact('b-won', 'won', at, { repId: 'ana' });

    expect(dealStateOf([wonB, lostA]).status).toBe('won');
    expect(dealStateOf([lostA, wonB]).status).toBe('won');
  });

  it('orders by instant, not by how the offset is written', () => {
    const wonInBerlin = fact('z-won', 'won', '2027-02-10T17:00:00+01:00', { repId: 'ana' }); // 16:00Z
    const lostLater = fact('a-lost', 'lost', '2027-02-10T16:30:00Z');

    expect(dealStateOf([lostLater, wonInBerlin]).status).toBe('lost');
  });

  it('refuses no facts, facts of several deals and an instant without offset', () => {
    expect(() => dealStateOf([])).toThrow(/at least one fact/);
    expect(() => dealStateOf([created, { ...won, dealId: 'deal-2' }])).toThrow(/several deals: deal-1, deal-2/);
    expect(() => dealStateOf([{ ...won, occurredAt: '2027-02-10 16:00' }])).toThrow(
      /occurredAt must be an ISO-8601 instant/,
    );
  });
});
