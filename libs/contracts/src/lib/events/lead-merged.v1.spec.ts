import { decodeEvent, encodeEvent } from '../event-codec';
import { EXAMPLE_IDS, exampleEvents } from '../examples';
import { REMOVE, expectIssue, withField } from '../../testing/violations';
import { Topics } from '../topics';

const contract = Topics.leadMerged;
const example = () => exampleEvents.leadMerged();

type Case = [description: string, path: string, value: unknown, field: string, reason: RegExp];

describe('lead.merged.v1', () => {
  it('is keyed by the surviving lead, so the merge is ordered with its later events', () => {
    expect(encodeEvent(contract, example()).key).toBe(EXAMPLE_IDS.leadId);
  });

  it.each<Case>([
    [
      'a lead merged into itself',
      'mergedLeadId',
      EXAMPLE_IDS.leadId,
      'mergedLeadId',
      /^mergedLeadId must differ from survivingLeadId$/,
    ],
    ['a missing survivingLeadId', 'survivingLeadId', REMOVE, 'survivingLeadId', /^survivingLeadId must be a UUID$/],
    ['a mergedLeadId that is not a uuid', 'mergedLeadId', 42, 'mergedLeadId', /^mergedLeadId must be a UUID$/],
    [
      'an unknown reason',
      'reason',
      'manual',
      'reason',
      /^reason must be one of the following values: identify, alias, email_match$/,
    ],
  ])('rejects %s, naming the field', (_description, path, value, field, reason) => {
    expectIssue(() => decodeEvent(contract, withField(example(), path, value)), field, reason);
  });
});
