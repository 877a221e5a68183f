import { extractWriteKey, parseBasicCredentials } from './write-key.parser';

const KEY = 'hk_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';

function basic(credentials: string): string {
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}

describe('extractWriteKey', () => {
  it.each<[string, Record<string, string>]>([
    [
      'Basic with the key as user name and an empty password (Segment, RudderStack)',
      { authorization: basic(`${KEY}:`) },
    ],
    ['Basic with a password, which is ignored', { authorization: basic(`${KEY}:anything`) }],
    ['Basic with the scheme in lower case', { authorization: basic(`${KEY}:`).replace('Basic', 'basic') }],
    ['Bearer', { authorization: `Bearer ${KEY}` }],
    ['Bearer with surrounding spaces', { authorization: `  Bearer   ${KEY}  ` }],
    ['X-Api-Key', { 'x-api-key': KEY }],
    ['Authorization in preference to X-Api-Key', { authorization: `Bearer ${KEY}`, 'x-api-key': 'hk_other' }],
  ])('finds the key sent as %s', (_case, headers) => {
    expect(extractWriteKey(headers)).toEqual({ found: true, writeKey: KEY });
  });

  it.each<[string, Record<string, string>, string]>([
    [
      'no credential header',
      {},
      'missing write key: send it as the HTTP Basic user name, a Bearer token or an X-Api-Key header',
    ],
    [
      'an empty Authorization header',
      { authorization: '' },
      'malformed Authorization header: expected "Basic <credentials>" or "Bearer <write key>"',
    ],
    [
      'a scheme without credentials',
      { authorization: 'Basic' },
      'malformed Authorization header: expected "Basic <credentials>" or "Bearer <write key>"',
    ],
    [
      'an unsupported scheme',
      { authorization: `Digest ${KEY}` },
      'unsupported Authorization scheme: use Basic or Bearer',
    ],
    ['an empty X-Api-Key', { 'x-api-key': '  ' }, 'missing write key: empty X-Api-Key header'],
  ])('reports %s', (_case, headers, problem) => {
    expect(extractWriteKey(headers)).toEqual({ found: false, problem });
  });

  it('never repeats the credentials in a problem', () => {
    const result = extractWriteKey({ authorization: `Digest ${KEY}` });
    expect(JSON.stringify(result)).not.toContain(KEY);
  });
});

describe('parseBasicCredentials', () => {
  it('takes the user name before the first colon', () => {
    expect(parseBasicCredentials(Buffer.from(`${KEY}:pass:word`).toString('base64'))).toEqual({
      found: true,
      writeKey: KEY,
    });
  });

  it('accepts credentials without base64 padding', () => {
    const unpadded = Buffer.from(`${KEY}:`).toString('base64').replace(/=+$/, '');
    expect(parseBasicCredentials(unpadded)).toEqual({ found: true, writeKey: KEY });
  });

  it.each<[string, string, string]>([
    ['empty credentials', '', 'malformed Basic credentials: not base64'],
    ['characters outside base64', 'not base64!', 'malformed Basic credentials: not base64'],
    ['the key in clear instead of base64', `${KEY}:`, 'malformed Basic credentials: not base64'],
    [
      'no colon after the key',
      Buffer.from(KEY).toString('base64'),
      'malformed Basic credentials: expected base64 of "<write key>:"',
    ],
    [
      'an empty user name',
      Buffer.from(':secret').toString('base64'),
      'missing write key: the Basic user name is empty',
    ],
    ['only a colon', Buffer.from(':').toString('base64'), 'missing write key: the Basic user name is empty'],
  ])('refuses %s', (_case, encoded, problem) => {
    expect(parseBasicCredentials(encoded)).toEqual({ found: false, problem });
  });
});
