import { ContractViolationError } from './contract-violation.error';
import { BODY_FIELD, decodeEventJson, decodeKey, decodeMessage, encodeEvent, validatePayload } from './event-codec';
import { EngagementInboundV1 } from './events/engagement-inbound.v1';
import { LeadMergedV1 } from './events/lead-merged.v1';
import { RoutingProfileV1 } from './events/lead-qualified.v1';
import { PAYLOAD_STRUCTURE_LIMITS } from './validation/payload-structure';
import { EXAMPLE_IDS, exampleEvents } from './examples';
import { expectIssue, violationOf, withField } from '../testing/violations';
import { Topics } from './topics';

describe('validatePayload', () => {
  it('validates any contract class under the subject the caller names, e.g. an HTTP route', () => {
    const violation = violationOf(() => validatePayload(RoutingProfileV1, { country: 'XX' }, 'POST /v1/leads'));

    expect(violation.subject).toBe('POST /v1/leads');
    expect(violation.issues).toEqual([
      {
        field: 'country',
        reasons: ['country must be a valid ISO31661 Alpha2 code'],
      },
    ]);
    expect(violation.message).toBe(
      'POST /v1/leads violates its contract: country: country must be a valid ISO31661 Alpha2 code',
    );
  });

  it.each([
    ['an array', [], /^body must be a JSON object, not an array$/],
    ['null', null, /^body must be a JSON object, not null$/],
    ['a string', 'hello', /^body must be a JSON object, not a string$/],
    ['a number', 7, /^body must be a JSON object, not a number$/],
  ])('rejects %s as a whole body', (_description, raw, reason) => {
    expectIssue(() => validatePayload(RoutingProfileV1, raw, 'subject'), BODY_FIELD, reason);
  });

  it('never echoes a rejected value, which may be personal data', () => {
    const event = withField(exampleEvents.engagementInbound(), 'identity.email', 'ada.lovelace-private');

    const violation = violationOf(() => validatePayload(EngagementInboundV1, event, 'engagement.inbound.v1'));

    expect(violation.message).not.toContain('ada.lovelace-private');
  });

  it('rejects unknown fields by default, so a producer learns about a typo', () => {
    expectIssue(
      () => validatePayload(RoutingProfileV1, { country: 'DE', contry: 'FR' }, 'subject'),
      'contry',
      /^property contry should not exist$/,
    );
  });

  it('drops unknown fields when asked to, for third-party formats that add their own', () => {
    const profile = validatePayload(RoutingProfileV1, { country: 'DE', channel: 'server' }, 'subject', {
      allowUnknownFields: true,
    });

    expect(profile).toEqual({ country: 'DE' });
  });

  it('still rejects invalid known fields when unknown ones are allowed', () => {
    expectIssue(
      () =>
        validatePayload(RoutingProfileV1, { country: 'XX', channel: 'server' }, 'subject', {
          allowUnknownFields: true,
        }),
      'country',
      /must be a valid ISO31661 Alpha2 code$/,
    );
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'rejects a %s key, which could reach the prototype, naming where it is',
    (key) => {
      const raw = JSON.parse(`{"country":"DE","nested":{"${key}":{"polluted":true}}}`);

      expectIssue(() => validatePayload(RoutingProfileV1, raw, 'subject'), `nested.${key}`, /is a reserved key/);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
  );

  it('rejects a __proto__ key even where unknown fields would be dropped', () => {
    const raw = JSON.parse(`{"__proto__":{"polluted":true},"country":"DE"}`);

    expectIssue(
      () => validatePayload(RoutingProfileV1, raw, 'subject', { allowUnknownFields: true }),
      '__proto__',
      /^__proto__ is a reserved key/,
    );
  });

  it('rejects a NUL in a field a lenient type would drop, naming the field but not the value', () => {
    const raw = { country: 'DE', context: { note: 'secret\u0000ada@example.com' } };

    const violation = expectIssue(
      () => validatePayload(RoutingProfileV1, raw, 'subject', { allowUnknownFields: true }),
      'context.note',
      /^context\.note must not contain the NUL character \(U\+0000\)$/,
    );
    expect(violation.message).not.toContain('ada@example.com');
  });

  it('rejects a body nested 5,000 levels deep as a violation, not a stack overflow', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`);

    const violation = violationOf(() => validatePayload(RoutingProfileV1, deep, 'subject'));

    expect(violation.issues).toEqual([
      {
        field: Array.from({ length: PAYLOAD_STRUCTURE_LIMITS.maxDepth }, () => 'a').join('.'),
        reasons: [expect.stringMatching(/nests deeper than 16 levels of objects and arrays$/)],
      },
    ]);
  });
});

describe('decodeEventJson', () => {
  const contract = Topics.leadMerged;

  it('decodes a UTF-8 buffer into a validated instance', () => {
    const event = exampleEvents.leadMerged();

    expect(decodeEventJson(contract, Buffer.from(JSON.stringify(event)))).toBeInstanceOf(LeadMergedV1);
  });

  it.each([
    ['an empty string', ''],
    ['whitespace', '  \n'],
    ['a tombstone (null value)', null],
  ])('rejects %s as an empty body', (_description, payload) => {
    expectIssue(() => decodeEventJson(contract, payload), BODY_FIELD, /^body is empty$/);
  });

  it('reports where the JSON breaks without quoting the input', () => {
    const violation = expectIssue(
      () => decodeEventJson(contract, '{"email":"ada@example.com",}'),
      BODY_FIELD,
      /^body is not valid JSON \(syntax error at position \d+\)$/,
    );

    expect(violation.message).not.toContain('ada@example.com');
  });

  it('rejects JSON that is not an object', () => {
    expectIssue(() => decodeEventJson(contract, '[1,2]'), BODY_FIELD, /^body must be a JSON object, not an array$/);
  });
});

describe('decodeKey and decodeMessage', () => {
  it('decodes a buffer key into the key class', () => {
    expect(decodeKey(Topics.leadScored, Buffer.from(EXAMPLE_IDS.leadId))).toEqual({ leadId: EXAMPLE_IDS.leadId });
  });

  it('returns the decoded key and value of a well-formed message', () => {
    const event = exampleEvents.leadScored();

    const message = decodeMessage(Topics.leadScored, EXAMPLE_IDS.leadId, JSON.stringify(event));

    expect(message.key.leadId).toBe(EXAMPLE_IDS.leadId);
    expect(message.value.eventId).toBe(event.eventId);
  });
});

describe('encodeEvent', () => {
  it('accepts a class instance as well as a plain object', () => {
    const instance = Object.assign(new LeadMergedV1(), exampleEvents.leadMerged());

    expect(encodeEvent(Topics.leadMerged, instance)).toEqual({
      key: EXAMPLE_IDS.leadId,
      value: JSON.stringify(instance),
    });
  });

  it('refuses an outbound event with a field its consumers do not know', () => {
    const event = { ...exampleEvents.leadScored(), internalNote: 'x' };

    expectIssue(
      () => encodeEvent(Topics.leadScored, event),
      'internalNote',
      /^property internalNote should not exist$/,
    );
  });

  it('throws ContractViolationError with the topic as subject', () => {
    const event = { ...exampleEvents.repCapacity(), openLeads: -1 };

    const violation = violationOf(() => encodeEvent(Topics.repCapacity, event));

    expect(violation).toBeInstanceOf(ContractViolationError);
    expect(violation.subject).toBe('rep.capacity.v1');
  });
});
