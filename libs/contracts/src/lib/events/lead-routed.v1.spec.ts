import { decodeEvent } from '../event-codec';
import { exampleEvents } from '../examples';
import { REMOVE, expectIssue, withField } from '../../testing/violations';
import { Topics } from '../topics';

const contract = Topics.leadRouted;
const example = () => exampleEvents.leadRouted();

type Case = [description: string, path: string, value: unknown, field: string, reason: RegExp];

describe('lead.routed.v1', () => {
  it('accepts an assignment without a team', () => {
    expect(decodeEvent(contract, withField(example(), 'teamId', REMOVE)).teamId).toBeUndefined();
  });

  it.each<Case>([
    ['a missing repId', 'repId', REMOVE, 'repId', /^repId must be a string$/],
    ['a teamId with spaces', 'teamId', 'team emea', 'teamId', /^teamId must be 1-128 characters of letters/],
    [
      'an unknown strategy',
      'strategy',
      'random',
      'strategy',
      /^strategy must be one of the following values: round_robin, weighted_round_robin/,
    ],
    [
      'a slaDueAt that is not a date',
      'slaDueAt',
      'in an hour',
      'slaDueAt',
      /^slaDueAt must be an RFC 3339 date-time with a time zone, e.g. /,
    ],
    [
      'an empty decision trace',
      'decisionTrace',
      [],
      'decisionTrace',
      /^decisionTrace must contain at least 1 elements$/,
    ],
    ['a trace step without a name', 'decisionTrace.0.step', REMOVE, 'decisionTrace.0.step', /^step must be a string$/],
    [
      'a trace step with an empty outcome',
      'decisionTrace.1.outcome',
      '',
      'decisionTrace.1.outcome',
      /^outcome should not be empty$/,
    ],
    [
      'a qualificationId that is not a uuid',
      'qualificationId',
      'evt-9',
      'qualificationId',
      /^qualificationId must be a UUID$/,
    ],
    ['attempt 0', 'attempt', 0, 'attempt', /^attempt must not be less than 1$/],
    ['an unknown trigger', 'trigger', 'whim', 'trigger', /^trigger must be one of the following values: qualified,/],
    ['an unknown path', 'path', 'lottery', 'path', /^path must be one of the following values: account_owner,/],
    ['a missing reason', 'reason', REMOVE, 'reason', /^reason must be a string$/],
    ['a contactUrl that is not a URL', 'contactUrl', 'contacts/1', 'contactUrl', /^contactUrl must be a URL address$/],
    [
      'a clear email in the profile',
      'profile.email',
      'ada@example.com',
      'profile.email',
      /^property email should not exist$/,
    ],
  ])('rejects %s, naming the field', (_description, path, value, field, reason) => {
    expectIssue(() => decodeEvent(contract, withField(example(), path, value)), field, reason);
  });
});
