export type WriteKeyExtraction = { found: true; writeKey: string } | { found: false; problem: string };

export interface CredentialHeaders {
  authorization?: string;
  'x-api-key'?: string | string[];
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const SCHEME_AND_VALUE = /^(\S+)\s+(.*)$/s;

/**
 * Finds the write key in a request's headers: HTTP Basic with the key as user name (what Segment and
 * RudderStack server-side SDKs send: base64 of "<key>:"), a Bearer token, or X-Api-Key. Authorization
 * wins when both are present. Problems describe the header, never its content.
 */
export function extractWriteKey(headers: CredentialHeaders): WriteKeyExtraction {
  if (headers.authorization !== undefined) return fromAuthorization(headers.authorization);
  const apiKey = headers['x-api-key'];
  if (apiKey !== undefined) return fromApiKey(Array.isArray(apiKey) ? apiKey.join(',') : apiKey);
  return missing('missing write key: send it as the HTTP Basic user name, a Bearer token or an X-Api-Key header');
}

/** The user name of Basic credentials; the password is ignored (Segment clients send it empty). */
export function parseBasicCredentials(encoded: string): WriteKeyExtraction {
  const value = encoded.trim();
  if (!BASE64.test(value)) return missing('malformed Basic credentials: not base64');
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return missing('malformed Basic credentials: expected base64 of "<write key>:"');
  if (colon === 0) return missing('missing write key: the Basic user name is empty');
  return { found: true, writeKey: decoded.slice(0, colon) };
}

function fromAuthorization(header: string): WriteKeyExtraction {
  const parts = SCHEME_AND_VALUE.exec(header.trim());
  if (!parts) return missing('malformed Authorization header: expected "Basic <credentials>" or "Bearer <write key>"');
  const [, scheme, value] = parts;
  switch (scheme.toLowerCase()) {
    case 'basic':
      return parseBasicCredentials(value);
    case 'bearer':
      return value.trim() ? { found: true, writeKey: value.trim() } : missing('missing write key: empty Bearer token');
    default:
      return missing('unsupported Authorization scheme: use Basic or Bearer');
  }
}

function fromApiKey(header: string): WriteKeyExtraction {
  const writeKey = header.trim();
  return writeKey ? { found: true, writeKey } : missing('missing write key: empty X-Api-Key header');
}

function missing(problem: string): WriteKeyExtraction {
  return { found: false, problem };
}
