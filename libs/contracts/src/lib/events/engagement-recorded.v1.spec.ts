import { KEY_FIELD, decodeEvent, decodeKey } from '../event-codec';
import { EXAMPLE_IDS, exampleEvents } from '../examples';
import { REMOVE, expectIssue, withField } from '../../testing/violations';
import { Topics } from '../topics';

const contract = Topics.engagementRecorded;
const example = () => exampleEvents.engagementRecorded();

type Case = [description: string, path: string, value: unknown, field: string, reason: RegExp];

describe('engagement.recorded.v1', () => {
  it('accepts an identity snapshot with only an email hash', () => {
    const event = {
      ...example(),
      identity: { emailHash: EXAMPLE_IDS.emailHash },
    };

    expect(decodeEvent(contract, event).identity.emailHash).toBe(EXAMPLE_IDS.emailHash);
  });

  it('accepts a profile update carrying the email domain but no clear email', () => {
    const event = {
      ...example(),
      type: 'profile_update' as const,
      profile: {
        emailDomain: 'acme.com',
        title: 'VP Sales',
        seniority: 'vp' as const,
        employeeCount: 250,
        country: 'DE',
      },
    };

    expect(decodeEvent(contract, event).profile?.emailDomain).toBe('acme.com');
  });

  it.each<Case>([
    [
      'a clear email in the profile',
      'profile',
      { email: 'ada@example.com' },
      'profile.email',
      /^property email should not exist$/,
    ],
    [
      'a lower-case country code',
      'profile',
      { country: 'de' },
      'profile.country',
      /^country must be an ISO 3166-1 alpha-2/,
    ],
    [
      'an unknown seniority',
      'profile',
      { seniority: 'boss' },
      'profile.seniority',
      /^seniority must be one of the following values: /,
    ],
    [
      'a fractional employee count',
      'profile',
      { employeeCount: 2.5 },
      'profile.employeeCount',
      /^employeeCount must be an integer number$/,
    ],
    [
      'a company domain with upper case',
      'profile',
      { companyDomain: 'Acme.com' },
      'profile.companyDomain',
      /^companyDomain must be a lower-case domain/,
    ],
    ['a profile that is not an object', 'profile', 'vp', 'profile', /^profile must be an object$/],
    ['a leadId that is not a uuid', 'leadId', 'lead-1', 'leadId', /^leadId must be a UUID$/],
    ['a missing sourceId', 'sourceId', REMOVE, 'sourceId', /^sourceId must be a string$/],
    ['an unknown activity type', 'type', 'visit', 'type', /^type must be one of the following values: /],
    ['type custom without customType', 'type', 'custom', 'customType', /^customType is required when type is custom/],
    [
      'a clear email in the identity snapshot',
      'identity.email',
      'ada@example.com',
      'identity.email',
      /^property email should not exist$/,
    ],
    [
      'an email hash that is not SHA-256 hex',
      'identity.emailHash',
      'ABC',
      'identity.emailHash',
      /^emailHash must be 64 lower-case hex/,
    ],
    [
      'an empty identity snapshot',
      'identity',
      {},
      'identity',
      /^identity must contain at least one of anonymousId, userId, emailHash$/,
    ],
    [
      'a receivedAt that is not a date',
      'receivedAt',
      '10:15',
      'receivedAt',
      /^receivedAt must be an RFC 3339 date-time with a time zone, e.g. /,
    ],
    [
      'properties given as a list',
      'properties',
      ['pricing'],
      'properties',
      /^properties must be an object of named values$/,
    ],
    [
      'a property nested two levels deep',
      'properties.url',
      { href: { x: 1 } },
      'properties',
      /^properties\.url\.href must be/,
    ],
  ])('rejects %s, naming the field', (_description, path, value, field, reason) => {
    expectIssue(() => decodeEvent(contract, withField(example(), path, value)), field, reason);
  });

  it('rejects a key that is not a lead id', () => {
    expectIssue(() => decodeKey(contract, 'anon-5d2f9c'), `${KEY_FIELD}.leadId`, /^leadId must be a UUID$/);
  });
});
