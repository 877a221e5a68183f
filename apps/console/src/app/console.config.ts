import { IsBoolean, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { EnvBoolean, EnvInt, Secret } from '@handoff/platform-config';
import { ServiceConfig } from '@handoff/platform-runtime';

const SERVICE_URL = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };

/**
 * The operator console's settings (see README "Operator console"): where the four services answer and the
 * service credentials the backend calls them with (the browser never sees these), sign-in, and sessions.
 */
export class ConsoleConfig extends ServiceConfig {
  override HTTP_PORT = 3005;
  override DATABASE_SCHEMA = 'console';
  override KAFKA_CLIENT_ID = 'console';

  /** The address operators open, without a trailing slash: the OIDC redirect and the cookies' origin. */
  @IsUrl(SERVICE_URL)
  CONSOLE_PUBLIC_URL = 'http://127.0.0.1:3005';

  @IsUrl(SERVICE_URL)
  CONSOLE_INGEST_URL = 'http://127.0.0.1:3000';

  @IsUrl(SERVICE_URL)
  CONSOLE_SCORING_URL = 'http://127.0.0.1:3001';

  @IsUrl(SERVICE_URL)
  CONSOLE_ROUTING_URL = 'http://127.0.0.1:3002';

  @IsUrl(SERVICE_URL)
  CONSOLE_QUOTA_URL = 'http://127.0.0.1:3003';

  /** Ingest's admin token (INGEST_ADMIN_TOKEN): lead lookup by email. */
  @Secret()
  @IsString()
  @MinLength(16)
  CONSOLE_INGEST_ADMIN_TOKEN = 'local-admin-token-change-me';

  /** Ingest's contact token (INGEST_CONTACT_TOKEN): contact details on the lead page, for admins, audited. */
  @Secret()
  @IsString()
  @MinLength(16)
  CONSOLE_INGEST_CONTACT_TOKEN = 'local-contact-token-change-me';

  /** Scoring's admin token (SCORING_ADMIN_TOKEN): scores, models, backtests, activation. */
  @Secret()
  @IsString()
  @MinLength(16)
  CONSOLE_SCORING_ADMIN_TOKEN = 'local-admin-token-change-me';

  /** Routing's admin token (ROUTING_ADMIN_TOKEN): decisions, rules, dry runs, reps, reassignment. */
  @Secret()
  @IsString()
  @MinLength(16)
  CONSOLE_ROUTING_ADMIN_TOKEN = 'local-admin-token-change-me';

  /** Quota's admin token (QUOTA_ADMIN_TOKEN): leaderboards and their CSV. */
  @Secret()
  @IsString()
  @MinLength(16)
  CONSOLE_QUOTA_ADMIN_TOKEN = 'local-admin-token-change-me';

  /** How long a call to a service may take before the page is told that service did not answer. */
  @EnvInt()
  @IsInt()
  @Min(100)
  @Max(120_000)
  CONSOLE_SERVICE_TIMEOUT_MS = 10_000;

  /** How often the pipeline page's figures are read from each service's `/metrics`. */
  @EnvInt()
  @IsInt()
  @Min(1_000)
  @Max(60_000)
  CONSOLE_METRICS_SCRAPE_MS = 5_000;

  /** Ingest's Prometheus metrics; unset: `CONSOLE_INGEST_URL/metrics` (set it when ingest has a METRICS_PORT). */
  @IsOptional()
  @IsUrl(SERVICE_URL)
  CONSOLE_INGEST_METRICS_URL?: string;

  /** Scoring's Prometheus metrics; unset: `CONSOLE_SCORING_URL/metrics`. */
  @IsOptional()
  @IsUrl(SERVICE_URL)
  CONSOLE_SCORING_METRICS_URL?: string;

  /** Routing's Prometheus metrics; unset: `CONSOLE_ROUTING_URL/metrics`. */
  @IsOptional()
  @IsUrl(SERVICE_URL)
  CONSOLE_ROUTING_METRICS_URL?: string;

  /** Quota's Prometheus metrics; unset: `CONSOLE_QUOTA_URL/metrics`. */
  @IsOptional()
  @IsUrl(SERVICE_URL)
  CONSOLE_QUOTA_METRICS_URL?: string;

  /** Signs the session cookie (its id is random; the signature turns forged ids away unread). At least 32 characters. */
  @Secret()
  @IsString()
  @MinLength(32)
  CONSOLE_SESSION_SECRET = 'local-console-session-secret-change-me-0123';

  /** A session ends this long after sign-in, whatever the activity. */
  @EnvInt()
  @IsInt()
  @Min(60_000)
  CONSOLE_SESSION_TTL_MS = 8 * 60 * 60 * 1000;

  /**
   * Local accounts, `name:role:scrypt-hash` separated by commas (`npm run console:password` makes a hash).
   * Unset: outside production, `admin` and `viewer` with the passwords README "Operator console" gives; in
   * production, no local sign-in (so not a @Secret(), which production would require; salted hashes only).
   */
  @IsOptional()
  @IsString()
  CONSOLE_LOCAL_USERS?: string;

  /** The identity provider's issuer URL (its `/.well-known/openid-configuration` is read). Unset: no OIDC. */
  @IsOptional()
  @IsUrl(SERVICE_URL)
  CONSOLE_OIDC_ISSUER?: string;

  /** The console's client id at the provider; required with CONSOLE_OIDC_ISSUER. */
  @ValidateIf((config: ConsoleConfig) => config.CONSOLE_OIDC_ISSUER !== undefined)
  @IsString()
  @MinLength(1)
  CONSOLE_OIDC_CLIENT_ID?: string;

  /** Its client secret; required with CONSOLE_OIDC_ISSUER (not a @Secret(): production may leave OIDC off). */
  @ValidateIf((config: ConsoleConfig) => config.CONSOLE_OIDC_ISSUER !== undefined)
  @IsString()
  @MinLength(1)
  CONSOLE_OIDC_CLIENT_SECRET?: string;

  /** The ID token claim that lists the user's groups or roles. */
  @IsString()
  CONSOLE_OIDC_ROLES_CLAIM = 'groups';

  /** A user whose roles claim holds this value is an admin; every other signed-in user is a viewer. */
  @IsString()
  CONSOLE_OIDC_ADMIN_VALUE = 'handoff-admin';

  /** Serve the web app's built files (dist/apps/console-web) at `/`; off when a CDN or ingress serves them. */
  @EnvBoolean()
  @IsBoolean()
  CONSOLE_SERVE_WEB = true;

  /**
   * Whose X-Forwarded-For to believe for the client's address (the sign-in throttle keys on it): a hop count (`1`
   * behind one ingress) or addresses and subnets, as Express's `trust proxy` takes them. Unset: none.
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  CONSOLE_TRUST_PROXY?: string;

  /** Where the web app's built files are; unset: `console-web` beside the backend's own build. */
  @IsOptional()
  @IsString()
  CONSOLE_WEB_DIR?: string;
}
