import { SecretCipher } from './secret-cipher';
import { generateWriteKey, hashWriteKey } from './source-credentials';
import { SourceLookup } from './source-lookup.service';
import type { Source } from './source.entity';
import type { SourcesMetrics } from './sources.metrics';
import { resolveSourcesOptions, type SourcesModuleOptions } from './sources.options';
import type { SourcesStore } from './sources.store';

const cipher = new SecretCipher('unit-test-passphrase');
const TTL_MS = 2000;
const UNKNOWN_TTL_MS = 10_000;

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

function lookupOver(rows: Source[], settings: SourcesModuleOptions = {}) {
  const findOneBy = jest.fn(
    async (where: { writeKeyHash?: string; id?: string }) =>
      rows.find((row) => (where.id ? row.id === where.id : row.writeKeyHash === where.writeKeyHash)) ?? null,
  );
  const repository = { findOneBy } as unknown as SourcesStore;
  const options = resolveSourcesOptions({
    keyCacheTtlMs: TTL_MS,
    unknownKeyCacheTtlMs: UNKNOWN_TTL_MS,
    keyCacheMaxEntries: 100,
    ...settings,
  });
  const metrics = { keyLookedUp: jest.fn() };
  const lookup = new SourceLookup(repository, cipher, options, metrics as unknown as SourcesMetrics);
  return { lookup, findOneBy, metrics };
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
    const metrics = { keyLookedUp: jest.fn() } as unknown as SourcesMetrics;
    const lookup = new SourceLookup({ findOneBy } as unknown as SourcesStore, keyring, options, metrics);
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
    const { lookup, findOneBy } = lookupOver(
      [first, second, third].map((key) => sourceWithKey(key)),
      {
        keyCacheMaxEntries: 2,
      },
    );
    for (const key of [first, second, third]) await lookup.byWriteKey(key);
    await lookup.byWriteKey(third);
    await lookup.byWriteKey(first);
    expect(findOneBy).toHaveBeenCalledTimes(4);
  });

  it('remembers an unknown key for its own, longer TTL: a client repeating it costs one query per TTL', async () => {
    const { lookup, findOneBy, metrics } = lookupOver([]);
    const random = generateWriteKey();
    for (let request = 0; request < 50; request++)
      expect(await lookup.byWriteKey(random)).toEqual({ status: 'unknown' });
    jest.advanceTimersByTime(UNKNOWN_TTL_MS - 1);
    await lookup.byWriteKey(random);
    expect(findOneBy).toHaveBeenCalledTimes(1);
    expect(metrics.keyLookedUp).toHaveBeenCalledWith('unknown');
    jest.advanceTimersByTime(1);
    await lookup.byWriteKey(random);
    expect(findOneBy).toHaveBeenCalledTimes(2);
  });

  it('remembers a revoked key like an unknown one', async () => {
    const revoked = generateWriteKey();
    const { lookup, findOneBy } = lookupOver([sourceWithKey(revoked, { status: 'revoked', revokedAt: new Date() })]);
    await lookup.byWriteKey(revoked);
    jest.advanceTimersByTime(TTL_MS);
    expect(await lookup.byWriteKey(revoked)).toEqual({ status: 'revoked' });
    expect(findOneBy).toHaveBeenCalledTimes(1);
  });

  it('keeps unknown keys apart, so a flood of random keys cannot evict the active sources', async () => {
    const active = generateWriteKey();
    const { lookup, findOneBy } = lookupOver([sourceWithKey(active)], {
      keyCacheMaxEntries: 2,
      unknownKeyCacheMaxEntries: 3,
    });
    await lookup.byWriteKey(active);
    for (let flood = 0; flood < 20; flood++) await lookup.byWriteKey(generateWriteKey());
    await lookup.byWriteKey(active);
    expect(findOneBy).toHaveBeenCalledTimes(21);
  });

  it('finds a key created after it was answered unknown, at once after invalidate() and elsewhere after the TTL', async () => {
    const key = generateWriteKey();
    const rows: Source[] = [];
    const { lookup } = lookupOver(rows);
    await lookup.byWriteKey(key);
    rows.push(sourceWithKey(key));
    expect((await lookup.byWriteKey(key)).status).toBe('unknown');
    jest.advanceTimersByTime(UNKNOWN_TTL_MS);
    expect((await lookup.byWriteKey(key)).status).toBe('active');

    const later = generateWriteKey();
    await lookup.byWriteKey(later);
    rows.push(sourceWithKey(later));
    lookup.invalidate();
    expect((await lookup.byWriteKey(later)).status).toBe('active');
  });

  it('resolves a source by id, remembers unknown ids, and answers an id that is not a uuid without a query', async () => {
    const row = sourceWithKey(generateWriteKey());
    const { lookup, findOneBy } = lookupOver([row]);
    expect(await lookup.byId(row.id.toUpperCase())).toMatchObject({ status: 'active', source: { id: row.id } });
    expect(await lookup.byId('hubspot-eu')).toEqual({ status: 'unknown' });
    const unknownId = '2d8f4e9a-6c73-4c4f-9f5a-8a3b4c5d6e7f';
    await lookup.byId(unknownId);
    await lookup.byId(unknownId);
    expect(findOneBy).toHaveBeenCalledTimes(2);
  });

  it('does not cache an answer loaded while invalidate() ran, so a revocation is never undone', async () => {
    const key = generateWriteKey();
    const row = sourceWithKey(key);
    const { lookup } = lookupOver([row]);
    const loading = lookup.byWriteKey(key);
    row.status = 'revoked';
    lookup.invalidate();
    await loading;
    expect((await lookup.byWriteKey(key)).status).toBe('revoked');
  });
});
