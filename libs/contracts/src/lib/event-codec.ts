import { plainToInstance, type ClassTransformOptions } from 'class-transformer';
import { Validator, type ValidatorOptions } from 'class-validator';
import { ContractViolationError, toFieldIssues } from './contract-violation.error';
import type { EventEnvelope } from './envelope';
import type { Constructor, TopicContract } from './topic-contract';
import { payloadStructureProblem } from './validation/payload-structure';
import { passesValidation } from './validation/validity-check';

/** Field named in an issue about the payload as a whole (not JSON, not an object, empty). */
export const BODY_FIELD = '(body)';
/** Field named in an issue about the message key as a whole (missing, does not match the value). */
export const KEY_FIELD = '(key)';

export interface EncodedEvent {
  /** The partition key, as a string. */
  key: string;
  /** The value as JSON. */
  value: string;
}

export interface DecodedMessage<V, K> {
  key: K;
  value: V;
}

export type WirePayload = Buffer | string | null | undefined;

// Built once: these run for every message on every topic.
const validator = new Validator();
const VALIDATOR_OPTIONS: ValidatorOptions = Object.freeze({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: Object.freeze({ target: false, value: false }),
});
// For third-party wire formats (Segment) whose senders add fields we do not use: drop them, do not fail.
const LENIENT_VALIDATOR_OPTIONS: ValidatorOptions = Object.freeze({
  ...VALIDATOR_OPTIONS,
  forbidNonWhitelisted: false,
});
const TRANSFORM_OPTIONS: ClassTransformOptions = Object.freeze({
  enableImplicitConversion: false,
  exposeDefaultValues: false,
});
const JSON_ERROR_POSITION = /position (\d+)/;

const describeNonObject = (raw: unknown): string =>
  raw === null ? 'null' : Array.isArray(raw) ? 'an array' : `a ${typeof raw}`;

export interface PayloadValidationOptions {
  /** Drop fields the type does not declare instead of rejecting them (default false: typos are errors). */
  allowUnknownFields?: boolean;
}

/** Rejects what no contract accepts before class-transformer copies it (recursively) into a class. */
function assertStructure(raw: unknown, subject: string, wholeName: string, rootPath = ''): void {
  const issue = payloadStructureProblem(raw, wholeName, rootPath);
  if (issue) throw new ContractViolationError(subject, [issue]);
}

function validateInstance<T extends object>(
  instance: T,
  subject: string,
  pathPrefix = '',
  options: PayloadValidationOptions = {},
): T {
  const allowUnknownFields = options.allowUnknownFields === true;
  // The quick check answers "valid" without class-validator's error tree; its errors are built only on rejection.
  if (passesValidation(instance, { forbidUnknownFields: !allowUnknownFields })) return instance;
  const errors = validator.validateSync(instance, allowUnknownFields ? LENIENT_VALIDATOR_OPTIONS : VALIDATOR_OPTIONS);
  if (errors.length > 0) throw new ContractViolationError(subject, toFieldIssues(errors, pathPrefix));
  return instance;
}

/**
 * Turns untrusted input into a validated instance of `type`, or throws a ContractViolationError listing every
 * failing field. Unknown fields are rejected, not dropped, so a producer learns about typos. HTTP layers
 * use it with their own subject (e.g. the route). First the raw input's structure is checked as a whole
 * (PAYLOAD_STRUCTURE_LIMITS: no NUL or lone surrogate in any string or key, no prototype key, bounded
 * nesting), then the fields, against the type's rules.
 */
export function validatePayload<T extends object>(
  type: Constructor<T>,
  raw: unknown,
  subject: string,
  options: PayloadValidationOptions = {},
): T {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ContractViolationError(subject, [
      {
        field: BODY_FIELD,
        reasons: [`body must be a JSON object, not ${describeNonObject(raw)}`],
      },
    ]);
  }
  assertStructure(raw, subject, BODY_FIELD);
  return validateInstance(plainToInstance(type, raw, TRANSFORM_OPTIONS), subject, '', options);
}

export function decodeEvent<V extends EventEnvelope, K extends object>(contract: TopicContract<V, K>, raw: unknown): V {
  return validatePayload(contract.valueType, raw, contract.name);
}

const wireText = (payload: WirePayload): string =>
  payload === null || payload === undefined ? '' : typeof payload === 'string' ? payload : payload.toString('utf8');

// The parser's own message may quote the input, which can hold personal data: report only the position.
function invalidJsonReason(error: unknown): string {
  const position = error instanceof Error ? JSON_ERROR_POSITION.exec(error.message)?.[1] : undefined;
  return position === undefined
    ? 'body is not valid JSON'
    : `body is not valid JSON (syntax error at position ${position})`;
}

function parseJson(payload: WirePayload, subject: string): unknown {
  const text = wireText(payload);
  if (text.trim().length === 0) {
    throw new ContractViolationError(subject, [{ field: BODY_FIELD, reasons: ['body is empty'] }]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ContractViolationError(subject, [{ field: BODY_FIELD, reasons: [invalidJsonReason(error)] }]);
  }
}

/** Decodes a Kafka message value (UTF-8 JSON). An empty value (e.g. a tombstone) is a violation too. */
export function decodeEventJson<V extends EventEnvelope, K extends object>(
  contract: TopicContract<V, K>,
  payload: WirePayload,
): V {
  return decodeEvent(contract, parseJson(payload, contract.name));
}

/** Decodes and validates a message key; issues about its fields are named `(key).<field>`. */
export function decodeKey<V extends EventEnvelope, K extends object>(
  contract: TopicContract<V, K>,
  rawKey: WirePayload,
): K {
  const text = wireText(rawKey);
  if (text.length === 0) {
    throw new ContractViolationError(contract.name, [{ field: KEY_FIELD, reasons: ['message key is missing'] }]);
  }
  const key = contract.parseKey(text);
  assertStructure(key, contract.name, KEY_FIELD, KEY_FIELD);
  return validateInstance(key, contract.name, KEY_FIELD);
}

/**
 * Decodes a whole message and checks that it was published under the key its value implies: a message
 * under the wrong key sits on the wrong partition and would break per-entity ordering.
 */
export function decodeMessage<V extends EventEnvelope, K extends object>(
  contract: TopicContract<V, K>,
  rawKey: WirePayload,
  payload: WirePayload,
): DecodedMessage<V, K> {
  const key = decodeKey(contract, rawKey);
  const value = decodeEventJson(contract, payload);
  if (contract.keyOf(value) !== wireText(rawKey)) {
    throw new ContractViolationError(contract.name, [
      {
        field: KEY_FIELD,
        reasons: ['message key does not match the key derived from the value'],
      },
    ]);
  }
  return { key, value };
}

/**
 * Validates an outbound event and returns the key and JSON to publish, so a service can never publish an
 * event its consumers would reject.
 */
export function encodeEvent<V extends EventEnvelope, K extends object>(
  contract: TopicContract<V, K>,
  value: V,
): EncodedEvent {
  const validated = decodeEvent(contract, value);
  const key = contract.keyOf(validated);
  decodeKey(contract, key);
  return { key, value: JSON.stringify(value) };
}
