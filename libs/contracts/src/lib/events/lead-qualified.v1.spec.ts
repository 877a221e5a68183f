import { decodeEvent } from '../event-codec';
import { exampleEvents } from '../examples';
import { REMOVE, expectIssue, withField } from '../../testing/violations';
import { Topics } from '../topics';

const contract = Topics.leadQualified;
const example = () => exampleEvents.leadQualified();

type Case = [description: string, path: string, value: unknown, field: string, reason: RegExp];

describe('lead.qualified.v1', () => {
  it('accepts an empty routing profile, because enrichment may know nothing yet', () => {
    expect(decodeEvent(contract, { ...example(), profile: {} }).profile).toEqual({});
  });

  it.each<Case>([
    ['a missing profile', 'profile', REMOVE, 'profile', /^profile should not be null or undefined$/],
    [
      'a country that is not ISO 3166 alpha-2',
      'profile.country',
      'Germany',
      'profile.country',
      /^country must be a valid ISO31661 Alpha2 code$/,
    ],
    [
      'a negative employee count',
      'profile.employeeCount',
      -1,
      'profile.employeeCount',
      /^employeeCount must not be less than 0$/,
    ],
    [
      'a fractional employee count',
      'profile.employeeCount',
      2.5,
      'profile.employeeCount',
      /^employeeCount must be an integer number$/,
    ],
    [
      'a company domain that is not a domain',
      'profile.companyDomain',
      'example',
      'profile.companyDomain',
      /^companyDomain must be a valid domain name$/,
    ],
    [
      'an unknown profile field',
      'profile.email',
      'ada@example.com',
      'profile.email',
      /^property email should not exist$/,
    ],
    [
      'a qualifiedAt that is not a date',
      'qualifiedAt',
      'soon',
      'qualifiedAt',
      /^qualifiedAt must be an RFC 3339 date-time with a time zone, e.g. /,
    ],
    ['an unknown grade', 'grade', 'a', 'grade', /^grade must be one of the following values: A, B, C, D$/],
    ['a leadId that is not a uuid', 'leadId', 'lead-1', 'leadId', /^leadId must be a UUID$/],
  ])('rejects %s, naming the field', (_description, path, value, field, reason) => {
    expectIssue(() => decodeEvent(contract, withField(example(), path, value)), field, reason);
  });
});
