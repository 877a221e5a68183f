import fc from 'fast-check';
import type { IncomingEngagement } from '../engagement/incoming-engagement';
import { type ContactRecord, combineRecords, contactDetailsOf, detailsOf, withDetails } from './contact-details';

const engagement = (overrides: Partial<IncomingEngagement>): IncomingEngagement => ({
  messageId: 'm-1',
  type: 'form_submit',
  occurredAt: '2026-12-01T10:00:00.000Z',
  identity: { anonymousId: 'a-1' },
  properties: {},
  linksIdentities: true,
  ...overrides,
});

describe('contactDetailsOf', () => {
  it('reads the email, names, company, title and a phone trait of an engagement', () => {
    const details = contactDetailsOf(
      engagement({
        identity: { email: ' Mary@Example.com ' },
        profile: {
          firstName: 'Mary',
          lastName: 'Jackson',
          company: 'NACA',
          title: 'Engineer',
          traits: { phone_number: '+1 555 0100', plan: 'pro' },
        },
      }),
    );

    expect(details).toEqual({
      email: 'Mary@Example.com',
      firstName: 'Mary',
      lastName: 'Jackson',
      phone: '+1 555 0100',
      company: 'NACA',
      title: 'Engineer',
    });
  });

  it('takes a user id that is an address as the email when no email is given', () => {
    expect(contactDetailsOf(engagement({ identity: { userId: 'mary@example.com' } }))).toEqual({
      email: 'mary@example.com',
    });
    expect(contactDetailsOf(engagement({ identity: { userId: 'u-1' } }))).toEqual({});
  });
});

describe('contact records', () => {
  const at = (day: number) => `2026-12-0${day}T10:00:00.000Z`;

  it('keeps, per field, the value of the latest event whatever order the events arrive in', () => {
    const updates = [
      { details: { title: 'Engineer', phone: '1' }, at: at(1) },
      { details: { title: 'Director' }, at: at(3) },
      { details: { phone: '2', title: 'Intern' }, at: at(2) },
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(updates, { minLength: 3, maxLength: 3 }), (order) => {
        const record = order.reduce<ContactRecord>((acc, update) => withDetails(acc, update.details, update.at), {});
        expect(detailsOf(record)).toEqual({ title: 'Director', phone: '2' });
      }),
    );
  });

  it('combines the records of merged leads field by field, the latest value winning', () => {
    const survivor = withDetails({}, { email: 'new@example.com', title: 'CTO' }, at(2));
    const merged = withDetails({}, { email: 'old@example.com', firstName: 'Mary', title: 'VP' }, at(3));

    expect(detailsOf(combineRecords([merged, survivor]))).toEqual({
      email: 'old@example.com',
      firstName: 'Mary',
      title: 'VP',
    });
  });
});
