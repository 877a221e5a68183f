import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { IngestConfig } from '../app/ingest.config';
import { type AuthenticatedSource, signingSecretsOf, type SourceRequest } from './authenticated-source';
import {
  describeSignatureFailure,
  SIGNATURE_HEADER,
  SIGNATURE_TIMESTAMP_HEADER,
  type SignatureFailure,
  verifySignature,
} from './request-signature';
import { SourceLookup } from './source-lookup.service';
import { type AuthRejection, SourcesMetrics } from './sources.metrics';
import { extractWriteKey } from './write-key.parser';

/**
 * Authenticates an ingestion request by its source's write key (Basic user name, Bearer or X-Api-Key)
 * and, when the source requires it or the client sent one anyway, its request signature. Sets
 * `request.source` (see @CurrentSource()). 401 for a missing or unknown key or a bad signature, 403 for a
 * revoked key.
 */
@Injectable()
export class SourceAuthGuard implements CanActivate {
  constructor(
    private readonly lookup: SourceLookup,
    private readonly config: IngestConfig,
    private readonly metrics: SourcesMetrics,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SourceRequest>();
    const extraction = extractWriteKey(request.headers);
    if (!extraction.found) throw this.unauthorized('missing_key', extraction.problem);
    const lookup = await this.lookup.byWriteKey(extraction.writeKey).catch(() => {
      // The database timed out or is away: the client retries after Retry-After, as for any 503.
      throw new ServiceUnavailableException('source registry unavailable: nothing was accepted; retry');
    });
    if (lookup.status === 'unknown') throw this.unauthorized('unknown_key', 'unknown write key');
    if (lookup.status === 'revoked') {
      this.metrics.authRejected('revoked_key');
      throw new ForbiddenException('write key revoked');
    }
    if (lookup.status === 'misconfigured') {
      this.metrics.authRejected('misconfigured_source');
      throw new ServiceUnavailableException(
        'source misconfigured: its credentials cannot be read; the operator is alerted',
      );
    }
    this.checkSignature(request, lookup.source);
    request.source = lookup.source;
    return true;
  }

  private checkSignature(request: SourceRequest, source: AuthenticatedSource): void {
    const timestamp = singleHeader(request, SIGNATURE_TIMESTAMP_HEADER);
    const signature = singleHeader(request, SIGNATURE_HEADER);
    // Headers sent by a source that does not require them are still checked: a client that signs
    // expects a tampered request to be refused.
    if (!source.requireSignature && timestamp === undefined && signature === undefined) return;
    const secrets = signingSecretsOf(source, Date.now());
    if (secrets.length === 0) {
      throw this.unauthorized('bad_signature', 'bad signature: this source has no signing secret');
    }
    const toleranceSeconds = this.config.INGEST_SIGNATURE_TOLERANCE_SECONDS;
    const verdict = verifySignature({
      secrets,
      timestamp,
      signature,
      rawBody: rawBodyOf(request),
      nowSeconds: Math.floor(Date.now() / 1000),
      toleranceSeconds,
    });
    if (!verdict.valid) {
      throw this.unauthorized(
        rejectionOf(verdict.failure),
        describeSignatureFailure(verdict.failure, toleranceSeconds),
      );
    }
  }

  private unauthorized(reason: AuthRejection, message: string): UnauthorizedException {
    this.metrics.authRejected(reason);
    return new UnauthorizedException(message);
  }
}

function rejectionOf(failure: SignatureFailure): AuthRejection {
  return failure === 'stale timestamp' ? 'stale_timestamp' : 'bad_signature';
}

function singleHeader(request: SourceRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * The body bytes as received. Nest only keeps them with `rawBody: true`; a parsed body without them
 * means the app was started without it, which no client could fix, so it fails loudly (500).
 */
function rawBodyOf(request: SourceRequest): Buffer {
  if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
  if (hasNoBody(request.body)) return Buffer.alloc(0);
  throw new Error('request.rawBody is missing: create the Nest app with { rawBody: true } to verify signatures');
}

function hasNoBody(body: unknown): boolean {
  return body === undefined || (typeof body === 'object' && body !== null && Object.keys(body).length === 0);
}
