import { Global, Module, type Provider, type Type } from '@nestjs/common';
import { ConsoleConfig } from '../app/console.config';
import type { ServiceClient, ServiceClientSettings, ServiceName } from './service-client';
import { IngestClient, IngestContactClient, QuotaClient, RoutingClient, ScoringClient } from './service-clients';

function clientProvider(
  type: Type<ServiceClient>,
  service: ServiceName,
  settingsOf: (config: ConsoleConfig) => Pick<ServiceClientSettings, 'baseUrl' | 'token'>,
): Provider {
  return {
    provide: type,
    inject: [ConsoleConfig],
    useFactory: (config: ConsoleConfig) =>
      new type({ service, timeoutMs: config.CONSOLE_SERVICE_TIMEOUT_MS, ...settingsOf(config) }),
  };
}

const CLIENTS: Provider[] = [
  clientProvider(IngestClient, 'ingest', (c) => ({
    baseUrl: c.CONSOLE_INGEST_URL,
    token: c.CONSOLE_INGEST_ADMIN_TOKEN,
  })),
  clientProvider(IngestContactClient, 'ingest', (c) => ({
    baseUrl: c.CONSOLE_INGEST_URL,
    token: c.CONSOLE_INGEST_CONTACT_TOKEN,
  })),
  clientProvider(ScoringClient, 'scoring', (c) => ({
    baseUrl: c.CONSOLE_SCORING_URL,
    token: c.CONSOLE_SCORING_ADMIN_TOKEN,
  })),
  clientProvider(RoutingClient, 'routing', (c) => ({
    baseUrl: c.CONSOLE_ROUTING_URL,
    token: c.CONSOLE_ROUTING_ADMIN_TOKEN,
  })),
  clientProvider(QuotaClient, 'quota', (c) => ({ baseUrl: c.CONSOLE_QUOTA_URL, token: c.CONSOLE_QUOTA_ADMIN_TOKEN })),
];

/** The console's clients of the four services, each with the credential the console holds for it. */
@Global()
@Module({ providers: CLIENTS, exports: CLIENTS })
export class UpstreamModule {}
