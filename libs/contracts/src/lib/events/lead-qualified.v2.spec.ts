import { decodeEvent } from '../event-codec';
import { exampleEvents } from '../examples';
import { REMOVE, expectIssue, withField } from '../../testing/violations';
import { Topics } from '../topics';

const contract = Topics.leadQualifiedV2;
const example = () => exampleEvents.leadQualifiedV2();

type Case = [description: string, path: string, value: unknown, field: string, reason: RegExp];

describe('lead.qualified.v2', () => {
  it('accepts the v1 fields with an empty profile and no top factors', () => {
    const decoded = decodeEvent(contract, { ...example(), profile: {}, topFactors: [] });
    expect(decoded.profile).toEqual({});
  });

  it.each<Case>([
    ['schema version 1', 'schemaVersion', 1, 'schemaVersion', /^schemaVersion must be equal to 2$/],
    ['missing top factors', 'topFactors', REMOVE, 'topFactors', /^topFactors must be an array$/],
    ['an unknown seniority', 'profile.seniority', 'boss', 'profile.seniority', /^seniority must be one of/],
    ['an email domain that is not a domain', 'profile.emailDomain', 'ada', 'profile.emailDomain', /valid domain/],
    ['a clear email in the profile', 'profile.email', 'ada@example.com', 'profile.email', /should not exist$/],
    ['a factor without points', 'topFactors.0.points', REMOVE, 'topFactors.0.points', /^points must be/],
  ])('rejects %s, naming the field', (_description, path, value, field, reason) => {
    expectIssue(() => decodeEvent(contract, withField(example(), path, value)), field, reason);
  });
});
