import type { Repository } from 'typeorm';
import { SecretCipher } from './secret-cipher';
import { generateWriteKey, hashWriteKey } from './source-credentials';
import { SourceLookup } from './source-lookup.service';
import type { Source } from './source.entity';
import { resolveSourcesOptions } from './sources.options';

const cipher = new SecretCipher('unit-test-passphrase');
const TTL_MS = 2000;

function sourceWithKey(writeKey: string, overrides: Partial<Source> = {}): Source {
  const id = '0b6f2c7e-4a51-4a2d-9d3e-6f1e2a3b4c5d';
  return {
    id,
    name: 'Website',
    writeKeyHash: hashWriteKey(writeKey),
    keyPrefix: writeKey.slice(0, 10),
    signingSecretEncrypted: cipher.encrypt('hsec_secret', id),
    previousSigningSecretEncrypted: null,
    previousSigningSecretValidUntil: null,
    requireSignature: true,
    status: 'active',
    createdAt: new Date(),
    revokedAt: null,
    ...overrides,
  };
}

function lookupOver(rows: Source[], maxEntries = 100) {
  const findOneBy = jest.fn(
    async ({ writeKeyHash }: { writeKeyHash: string }) => rows.find((row) => row.writeKeyHash === writeKeyHash) ?? null,
  );
  const repository = { findOneBy } as unknown as Repository<Source>;
  const options = resolveSourcesOptions({ keyCacheTtlMs: TTL_MS, keyCacheMaxEntries: maxEntries });
  return { lookup: new SourceLookup(repository, cipher, options), findOneBy };
}

describe('SourceLookup', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2025-12-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('resolves an active key to the source with its decrypted signing secret', async () => {
    const key = generateWriteKey();
    const { lookup } = lookupOver([sourceWithKey(key)]);
    expect(await lookup.byWriteKey(key)).toEqual({
      status: 'active',
      source: { id: expect.any(String), name: 'Website', requireSignature: true, signingSecret: 'hsec_secret' },
    });
  });

  it('leaves signingSecret out for a source without one', async () => {
    const key = generateWriteKey();
    const { lookup } = lookupOver([sourceWithKey(key, { signingSecretEncrypted: null, requireSignature: false })]);
    const result = await lookup.byWriteKey(key);
    expect(result.status === 'active' && 'signingSecret' in result.source).toBe(false);
  });

  it('adds the previous signing secret with the end of its grace period after a rotation', async () => {
    const key = generateWriteKey();
    const row = sourceWithKey(key);
    const validUntil = new Date('2025-12-02T00:00:00Z');
    row.previousSigningSecretEncrypted = cipher.encrypt('hsec_previous', row.id);
    row.previousSigningSecretValidUntil = validUntil;
    const result = await lookupOver([row]).lookup.byWriteKey(key);
    expect(result.status === 'active' && result.source.previousSigningSecret).toEqual({
      secret: 'hsec_previous',
      validUntil: validUntil.getTime(),
    });
  });

  it('answers misconfigured, without throwing, when neither secret key opens the signing secret', async () => {
    const key = generateWriteKey();
    const row = sourceWithKey(key, {
      signingSecretEncrypted: new SecretCipher('some-other-passphrase').encrypt('hsec_secret', 'x'),
    });
    expect(await lookupOver([row]).lookup.byWriteKey(key)).toEqual({ status: 'misconfigured' });
  });

  it('reads a signing secret written under INGEST_SECRET_KEY_PREVIOUS during a key change', async () => {
    const key = generateWriteKey();
    const row = sourceWithKey(key);
    const options = resolveSourcesOptions({});
    const keyring = new SecretCipher('the-next-passphrase', 'unit-test-passphrase');
    const findOneBy = async () => row;
    const lookup = new SourceLookup({ findOneBy } as unknown as Repository<Source>, keyring, options);
    const result = await lookup.byWriteKey(key);
    expect(result.status === 'active' && result.source.signingSecret).toBe('hsec_secret');
  });

  it('tells a revoked key from an unknown one', async () => {
    const revoked = generateWriteKey();
    const { lookup } = lookupOver([sourceWithKey(revoked, { status: 'revoked', revokedAt: new Date() })]);
    expect(await lookup.byWriteKey(revoked)).toEqual({ status: 'revoked' });
    expect(await lookup.byWriteKey(generateWriteKey())).toEqual({ status: 'unknown' });
  });

  it('answers a key without the hk_ prefix as unknown without querying the database', async () => {
    const { lookup, findOneBy } = lookupOver([]);
    expect(await lookup.byWriteKey('not-a-handoff-key')).toEqual({ status: 'unknown' });
    expect(findOneBy).not.toHaveBeenCalled();
  });

  it('serves repeated and concurrent lookups of a key from one query until the TTL passes', async () => {
    const key = generateWriteKey();
    const { lookup, findOneBy } = lookupOver([sourceWithKey(key)]);
    await Promise.all([lookup.byWriteKey(key), lookup.byWriteKey(key)]);
    jest.advanceTimersByTime(TTL_MS - 1);
    await lookup.byWriteKey(key);
    expect(findOneBy).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1);
    await lookup.byWriteKey(key);
    expect(findOneBy).toHaveBeenCalledTimes(2);
  });

  it('sees a revocation made elsewhere once the TTL has passed', async () => {
    const key = generateWriteKey();
    const row = sourceWithKey(key);
    const { lookup } = lookupOver([row]);
    await lookup.byWriteKey(key);
    row.status = 'revoked';
    expect((await lookup.byWriteKey(key)).status).toBe('active');
    jest.advanceTimersByTime(TTL_MS);
    expect((await lookup.byWriteKey(key)).status).toBe('revoked');
  });

  it('sees a change at once after invalidate()', async () => {
    const key = generateWriteKey();
    const row = sourceWithKey(key);
    const { lookup } = lookupOver([row]);
    await lookup.byWriteKey(key);
    row.status = 'revoked';
    lookup.invalidate();
    expect((await lookup.byWriteKey(key)).status).toBe('revoked');
  });

  it('does not keep a failed query, so the next request asks the database again', async () => {
    const key = generateWriteKey();
    const { lookup, findOneBy } = lookupOver([sourceWithKey(key)]);
    findOneBy.mockRejectedValueOnce(new Error('connection refused'));
    await expect(lookup.byWriteKey(key)).rejects.toThrow('connection refused');
    expect((await lookup.byWriteKey(key)).status).toBe('active');
  });

  it('drops the oldest entry when full', async () => {
    const [first, second, third] = [generateWriteKey(), generateWriteKey(), generateWriteKey()];
    const { lookup, findOneBy } = lookupOver([], 2);
    for (const key of [first, second, third]) await lookup.byWriteKey(key);
    await lookup.byWriteKey(third);
    await lookup.byWriteKey(first);
    expect(findOneBy).toHaveBeenCalledTimes(4);
  });
});
