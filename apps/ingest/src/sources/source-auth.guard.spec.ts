import type { ExecutionContext } from '@nestjs/common';
import { Registry } from 'prom-client';
import type { IngestConfig } from '../app/ingest.config';
import type { AuthenticatedSource, SourceRequest } from './authenticated-source';
import { signRequest } from './request-signature';
import { SourceAuthGuard } from './source-auth.guard';
import type { SourceLookup } from './source-lookup.service';
import { SourcesMetrics } from './sources.metrics';

const KEY = 'hk_unit-test-key';
const SIGNED: AuthenticatedSource = { id: 's-1', name: 'Signed', requireSignature: true, signingSecret: 'hsec_unit' };

function guardFor(source: AuthenticatedSource): SourceAuthGuard {
  const lookup = { byWriteKey: async () => ({ status: 'active', source }) } as unknown as SourceLookup;
  const config = { INGEST_SIGNATURE_TOLERANCE_SECONDS: 300 } as IngestConfig;
  return new SourceAuthGuard(lookup, config, new SourcesMetrics(new Registry()));
}

function contextOf(request: Partial<SourceRequest>): ExecutionContext {
  return { switchToHttp: () => ({ getRequest: () => request }) } as ExecutionContext;
}

function signedHeaders(body: string): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    'x-api-key': KEY,
    'x-handoff-timestamp': String(timestamp),
    'x-handoff-signature': signRequest('hsec_unit', body, timestamp),
  };
}

describe('SourceAuthGuard', () => {
  it('answers 503, not 500, when the source registry cannot answer (a database timeout or outage)', async () => {
    const lookup = {
      byWriteKey: async () => {
        throw Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' });
      },
    } as unknown as SourceLookup;
    const config = { INGEST_SIGNATURE_TOLERANCE_SECONDS: 300 } as IngestConfig;
    const guard = new SourceAuthGuard(lookup, config, new SourcesMetrics(new Registry()));

    await expect(guard.canActivate(contextOf({ headers: { 'x-api-key': KEY } }))).rejects.toMatchObject({
      status: 503,
      message: 'source registry unavailable: nothing was accepted; retry',
    });
  });

  it('attaches the authenticated source to the request', async () => {
    const request: Partial<SourceRequest> = { headers: { 'x-api-key': KEY } };
    await expect(
      guardFor({ id: 's-2', name: 'Plain', requireSignature: false }).canActivate(contextOf(request)),
    ).resolves.toBe(true);
    expect(request.source).toEqual({ id: 's-2', name: 'Plain', requireSignature: false });
  });

  it('verifies a signature against the raw body bytes, not the parsed body', async () => {
    const raw = '{"a": 1}';
    const request = { headers: signedHeaders(raw), body: { a: 1 }, rawBody: Buffer.from(raw) };
    await expect(guardFor(SIGNED).canActivate(contextOf(request))).resolves.toBe(true);
  });

  it('verifies a signed request without a body against the empty string', async () => {
    const request = { headers: signedHeaders(''), body: undefined };
    await expect(guardFor(SIGNED).canActivate(contextOf(request))).resolves.toBe(true);
  });

  it('fails loudly when the app was started without rawBody, instead of blaming the client', async () => {
    const request = { headers: signedHeaders('{"a":1}'), body: { a: 1 } };
    await expect(guardFor(SIGNED).canActivate(contextOf(request))).rejects.toThrow(/rawBody: true/);
  });
});
