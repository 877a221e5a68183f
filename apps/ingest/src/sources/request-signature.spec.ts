import { createHmac } from 'node:crypto';
import { describeSignatureFailure, signRequest, type SignedRequest, verifySignature } from './request-signature';

const SECRET = 'hsec_test-secret';
const NOW = 1_764_500_000;
const BODY = '{"type":"track","event":"Signed Up","userId":"u-1"}';

function signed(overrides: Partial<SignedRequest> = {}): SignedRequest {
  return {
    secrets: [SECRET],
    timestamp: String(NOW),
    signature: signRequest(SECRET, BODY, NOW),
    rawBody: Buffer.from(BODY),
    nowSeconds: NOW,
    toleranceSeconds: 300,
    ...overrides,
  };
}

describe('signRequest', () => {
  it('is v1= followed by the hex HMAC-SHA256 of "<timestamp>.<body>" under the secret', () => {
    const expected = createHmac('sha256', SECRET).update(`${NOW}.${BODY}`).digest('hex');
    expect(signRequest(SECRET, BODY, NOW)).toBe(`v1=${expected}`);
  });

  it('gives the same signature for the body as a string or as its bytes', () => {
    expect(signRequest(SECRET, Buffer.from(BODY), NOW)).toBe(signRequest(SECRET, BODY, String(NOW)));
  });
});

describe('verifySignature', () => {
  it('accepts a signature made with the same secret, timestamp and raw body', () => {
    expect(verifySignature(signed())).toEqual({ valid: true });
  });

  it.each([
    ['at the past edge of the window', NOW - 300],
    ['at the future edge of the window', NOW + 300],
  ])('accepts a timestamp %s', (_edge, timestamp) => {
    const signature = signRequest(SECRET, BODY, timestamp);
    expect(verifySignature(signed({ timestamp: String(timestamp), signature }))).toEqual({ valid: true });
  });

  it('accepts the hex digest in upper case', () => {
    expect(
      verifySignature(signed({ signature: signed().signature?.replace(/[a-f]/g, (c) => c.toUpperCase()) })),
    ).toEqual({ valid: true });
  });

  it.each<[string, Partial<SignedRequest>, string]>([
    ['the signature header is missing', { signature: undefined }, 'missing signature'],
    ['the signature header is empty', { signature: '' }, 'missing signature'],
    ['the timestamp header is missing', { timestamp: undefined }, 'missing timestamp'],
    ['the timestamp is not unix seconds', { timestamp: '2025-12-01T00:00:00Z' }, 'missing timestamp'],
    ['the timestamp is negative', { timestamp: '-1' }, 'missing timestamp'],
    ['the timestamp is older than the tolerance', { timestamp: String(NOW - 301) }, 'stale timestamp'],
    ['the timestamp is further ahead than the tolerance', { timestamp: String(NOW + 301) }, 'stale timestamp'],
    [
      'the scheme is not v1',
      { signature: signRequest(SECRET, BODY, NOW).replace('v1=', 'v2=') },
      'malformed signature',
    ],
    ['the digest is truncated', { signature: signRequest(SECRET, BODY, NOW).slice(0, -2) }, 'malformed signature'],
    ['the body was changed', { rawBody: Buffer.from(BODY.replace('u-1', 'u-2')) }, 'bad signature'],
    ['another secret signed it', { signature: signRequest('hsec_other', BODY, NOW) }, 'bad signature'],
  ])('refuses a request when %s', (_case, overrides, failure) => {
    expect(verifySignature(signed(overrides))).toEqual({ valid: false, failure });
  });

  it('accepts a signature made with any of the valid secrets, in either order (a rotation’s overlap)', () => {
    const byPrevious = signRequest('hsec_previous', BODY, NOW);
    expect(verifySignature(signed({ secrets: [SECRET, 'hsec_previous'], signature: byPrevious }))).toEqual({
      valid: true,
    });
    expect(verifySignature(signed({ secrets: ['hsec_previous', SECRET] }))).toEqual({ valid: true });
  });

  it('refuses every signature when no secret is valid', () => {
    expect(verifySignature(signed({ secrets: [] }))).toEqual({ valid: false, failure: 'bad signature' });
  });

  it('refuses a signature replayed with a different timestamp', () => {
    const replayed = signed({ timestamp: String(NOW + 10), signature: signRequest(SECRET, BODY, NOW) });
    expect(verifySignature(replayed)).toEqual({ valid: false, failure: 'bad signature' });
  });
});

describe('describeSignatureFailure', () => {
  it('words a stale timestamp with the tolerance and everything else as a bad signature', () => {
    expect(describeSignatureFailure('stale timestamp', 300)).toBe(
      "stale timestamp: X-Handoff-Timestamp is more than 300 s from the server's clock",
    );
    expect(describeSignatureFailure('bad signature', 300)).toBe('bad signature');
    expect(describeSignatureFailure('missing signature', 300)).toMatch(/^bad signature: /);
    expect(describeSignatureFailure('missing timestamp', 300)).toMatch(/^bad signature: /);
    expect(describeSignatureFailure('malformed signature', 300)).toMatch(/^bad signature: /);
  });
});
