import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_TIMESTAMP_HEADER = 'x-handoff-timestamp';
export const SIGNATURE_HEADER = 'x-handoff-signature';

const SIGNATURE_FORMAT = /^v1=([0-9a-f]{64})$/i;
const UNIX_SECONDS = /^\d{1,12}$/;

export type SignatureFailure =
  | 'missing signature'
  | 'missing timestamp'
  | 'stale timestamp'
  | 'malformed signature'
  | 'bad signature';

export type SignatureVerdict = { valid: true } | { valid: false; failure: SignatureFailure };

export interface SignedRequest {
  /** The source's valid signing secrets (two during a rotation's grace period); their UTF-8 bytes are HMAC keys. */
  secrets: readonly string[];
  /** X-Handoff-Timestamp as received (unix seconds). */
  timestamp: string | undefined;
  /** X-Handoff-Signature as received (`v1=<hex>`). */
  signature: string | undefined;
  /** The body exactly as it arrived on the wire; re-serialised JSON would not match. */
  rawBody: Buffer | string;
  nowSeconds: number;
  toleranceSeconds: number;
}

/** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<rawBody>")>`, the value of X-Handoff-Signature. */
export function signRequest(secret: string, body: Buffer | string, timestamp: number | string): string {
  return `v1=${hmacHex(secret, String(timestamp), body)}`;
}

/**
 * Checks a request signature against each valid secret. The timestamp is covered by the HMAC and must lie within the tolerance,
 * so a captured request cannot be replayed outside that window.
 */
export function verifySignature(request: SignedRequest): SignatureVerdict {
  if (!request.signature) return { valid: false, failure: 'missing signature' };
  if (!request.timestamp || !UNIX_SECONDS.test(request.timestamp)) {
    return { valid: false, failure: 'missing timestamp' };
  }
  if (Math.abs(request.nowSeconds - Number(request.timestamp)) > request.toleranceSeconds) {
    return { valid: false, failure: 'stale timestamp' };
  }
  const match = SIGNATURE_FORMAT.exec(request.signature.trim());
  if (!match) return { valid: false, failure: 'malformed signature' };
  const received = Buffer.from(match[1], 'hex');
  const timestamp = request.timestamp;
  // Every secret is tried (no early exit), so the time taken does not say which one matched.
  const matched = request.secrets.reduce(
    (ok, secret) => timingSafeEqual(Buffer.from(hmacHex(secret, timestamp, request.rawBody), 'hex'), received) || ok,
    false,
  );
  return matched ? { valid: true } : { valid: false, failure: 'bad signature' };
}

/** The 401 message for a failure: names what was wrong, never what was expected. */
export function describeSignatureFailure(failure: SignatureFailure, toleranceSeconds: number): string {
  switch (failure) {
    case 'missing signature':
      return 'bad signature: the X-Handoff-Signature header is missing';
    case 'missing timestamp':
      return 'bad signature: the X-Handoff-Timestamp header is missing or not unix seconds';
    case 'stale timestamp':
      return `stale timestamp: X-Handoff-Timestamp is more than ${toleranceSeconds} s from the server's clock`;
    case 'malformed signature':
      return 'bad signature: X-Handoff-Signature must be v1=<hex HMAC-SHA256>';
    case 'bad signature':
      return 'bad signature';
  }
}

function hmacHex(secret: string, timestamp: string, body: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}
