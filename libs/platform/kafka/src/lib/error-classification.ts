import { DomainError, type ErrorCode } from '@handoff/shared-errors';

/**
 * Thrown by a handler when a message can never be processed (it references something that cannot
 * exist, breaks a business invariant…). The message goes to the dead-letter topic at once instead of
 * blocking its partition.
 */
export class PoisonMessageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PoisonMessageError';
  }
}

/**
 * Runs pure work (a domain session: no I/O) and turns whatever it throws into a PoisonMessageError: it would
 * throw the same on every attempt, so the record is dead-lettered instead of retried.
 */
export function poisonOnThrow<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof PoisonMessageError) throw error;
    throw new PoisonMessageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

/**
 * poison: fails the same way on every attempt, dead-lettered at once. transient: a dependency is away,
 * retried in place for as long as it takes. unclassified: retried in place within the retry budget only.
 */
export type ErrorKind = 'poison' | 'transient' | 'unclassified';

export type ErrorClassifier = (error: unknown) => ErrorKind;

/**
 * What a retry in place can do for each domain error code. Poison codes describe the record against the
 * state it meets: retrying in place would stop the partition, while the dead letter can be replayed
 * (`npm run dlq`) once what it names exists or the state changed. Contract violations are 'invalid'.
 */
const KIND_OF_CODE: Record<ErrorCode, ErrorKind> = {
  invalid: 'poison',
  'payload-too-large': 'poison',
  'not-found': 'poison',
  gone: 'poison',
  conflict: 'poison',
  unavailable: 'transient',
};

/** Node's network error codes, seen on pg, ioredis and kafkajs sockets alike. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATE codes, five characters; classes 21 (cardinality violation, e.g. one statement updating a row twice),
 * 22 (data exception) and 23 (integrity constraint) repeat for the same records.
 */
const SQLSTATE = /^[0-9A-Z]{5}$/;
const POISON_SQLSTATE_CLASSES = new Set(['21', '22', '23']);
/** 08 connection, 53 insufficient resources; the others are single codes of class 40, 55 and 57. */
const TRANSIENT_SQLSTATE_CLASSES = new Set(['08', '53']);
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03', '57014', '57P01', '57P02', '57P03']);

/** Messages of driver errors that carry no code: pg, TypeORM's pool and ioredis losing their connection. */
const CONNECTION_LOSS_MESSAGE =
  /connection terminated|connection is closed|timeout exceeded when trying to connect|client has encountered a connection error|socket hang up/i;
const TRANSIENT_ERROR_NAMES = new Set(['TimeoutError', 'MaxRetriesPerRequestError', 'KafkaJSConnectionError']);
/** Deterministic for the same record: how our parsers (and JSON, Date, BigInt…) reject malformed input. */
const PARSE_ERROR_TYPES = [RangeError, TypeError, SyntaxError];

/**
 * Classifies structurally (error names, `code`, `retriable`) so the platform needs no driver import; the
 * error and its `cause`/`driverError` chain are inspected, and a sign of a transient cause anywhere wins
 * (a `TypeError: fetch failed` caused by ECONNREFUSED is a connection problem, not a parse error).
 */
export function classifyError(error: unknown): ErrorKind {
  // A handler that says "poison", or a service that names its error, has decided, whatever caused it.
  const named = namedKindOf(error);
  if (named) return named;
  const chain = causeChainOf(error);
  if (chain.some(isTransient)) return 'transient';
  if (chain.some(isPoison)) return 'poison';
  return 'unclassified';
}

function namedKindOf(error: unknown): ErrorKind | undefined {
  if (error instanceof PoisonMessageError) return 'poison';
  if (!(error instanceof DomainError)) return undefined;
  // "A dependency failed" wrapping that dependency's error: the error says whether a retry can cure it.
  if (error.code === 'unavailable' && error.cause !== undefined) return undefined;
  return KIND_OF_CODE[error.code];
}

function isTransient(error: object): boolean {
  if (namedKindOf(error) === 'transient') return true;
  const { code, name, message, retriable } = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    retriable?: unknown;
  };
  if (typeof code === 'string' && (NETWORK_ERROR_CODES.has(code) || isTransientSqlState(code))) return true;
  if (typeof name === 'string' && TRANSIENT_ERROR_NAMES.has(name)) return true;
  // kafkajs marks the errors a retry can cure.
  if (retriable === true) return true;
  return typeof message === 'string' && CONNECTION_LOSS_MESSAGE.test(message);
}

function isPoison(error: object): boolean {
  if (namedKindOf(error) === 'poison') return true;
  if (PARSE_ERROR_TYPES.some((type) => error instanceof type)) return true;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' && SQLSTATE.test(code) && POISON_SQLSTATE_CLASSES.has(code.slice(0, 2));
}

function isTransientSqlState(code: string): boolean {
  return SQLSTATE.test(code) && (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_SQLSTATE_CLASSES.has(code.slice(0, 2)));
}

/** The error, its `cause`s and a TypeORM QueryFailedError's `driverError`, bounded against cycles. */
function causeChainOf(error: unknown): object[] {
  const chain: object[] = [];
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !chain.includes(current) && chain.length < 8) {
    chain.push(current);
    const { cause, driverError } = current as { cause?: unknown; driverError?: unknown };
    current = cause ?? driverError;
  }
  return chain;
}

export function errorClassOf(error: unknown): string {
  if (error instanceof Error) return error.name || error.constructor.name;
  return typeof error;
}

export function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
