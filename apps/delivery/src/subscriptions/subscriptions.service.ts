import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isProduction } from '@handoff/platform-config';
import { DomainError } from '@handoff/shared-errors';
import { DeliveryConfig } from '../app/delivery.config';
import { checkResolvedTarget, type TargetPolicy, urlProblem } from '../dispatch/target-policy';
import { isWebhookSecret, newWebhookSecret } from '../dispatch/webhook-signing';
import type {
  CreateSubscriptionDto,
  SubscriptionDto,
  SubscriptionWithSecretDto,
  UpdateSubscriptionDto,
} from './subscription.dto';
import { type SubscriptionRow, SubscriptionsStore, subscriptionView } from './subscriptions.store';

/** The policy webhook targets are held to: private targets only outside production and only when allowed. */
export function targetPolicyOf(config: DeliveryConfig): TargetPolicy {
  return { allowPrivate: config.DELIVERY_ALLOW_PRIVATE_TARGETS && !isProduction(config) };
}

/** Webhook subscriptions: created with a secret shown once, changed, rotated and removed. */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly store: SubscriptionsStore,
    private readonly config: DeliveryConfig,
  ) {}

  async create(body: CreateSubscriptionDto): Promise<SubscriptionWithSecretDto> {
    await this.checkUrl(body.url);
    this.checkContactAllowed(body.includeContact);
    if (body.secret !== undefined && !isWebhookSecret(body.secret)) {
      throw invalid('secret', 'secret must be whsec_ followed by the base64 of 24 to 64 bytes');
    }
    const secret = body.secret ?? newWebhookSecret();
    const row = await this.store.insert({
      id: randomUUID(),
      url: body.url,
      event_types: body.eventTypes,
      filters: { ...body.filters },
      secret,
      status: body.status ?? 'active',
      include_contact: body.includeContact ?? false,
    });
    return { ...subscriptionView(row), secret };
  }

  async list(): Promise<SubscriptionDto[]> {
    return (await this.store.list()).map(subscriptionView);
  }

  async get(id: string): Promise<SubscriptionDto> {
    return subscriptionView(found(await this.store.find(id)));
  }

  async update(id: string, body: UpdateSubscriptionDto): Promise<SubscriptionDto> {
    if (body.url !== undefined) await this.checkUrl(body.url);
    this.checkContactAllowed(body.includeContact);
    const row = await this.store.update(id, {
      url: body.url,
      eventTypes: body.eventTypes,
      filters: body.filters ? { ...body.filters } : undefined,
      status: body.status,
      includeContact: body.includeContact,
    });
    return subscriptionView(found(row));
  }

  /** A new secret; the previous one keeps signing next to it for DELIVERY_SECRET_OVERLAP_MS. */
  async rotateSecret(id: string): Promise<SubscriptionWithSecretDto> {
    const secret = newWebhookSecret();
    const row = found(await this.store.rotate(id, secret, this.config.DELIVERY_SECRET_OVERLAP_MS));
    return { ...subscriptionView(row), secret };
  }

  async delete(id: string): Promise<void> {
    if (!(await this.store.delete(id))) throw notFound();
  }

  /** Contact details leave Handoff only where the contact vault's own secret was given to this service. */
  private checkContactAllowed(includeContact: boolean | undefined): void {
    if (includeContact && !this.config.DELIVERY_CONTACT_TOKEN) {
      throw invalid('includeContact', 'includeContact needs DELIVERY_CONTACT_TOKEN (ingest’s contact token) to be set');
    }
  }

  /** Scheme and resolved addresses now; the dispatcher checks the addresses again at every connection. */
  private async checkUrl(url: string): Promise<void> {
    const policy = targetPolicyOf(this.config);
    const problem = urlProblem(url, policy);
    if (problem) throw invalid('url', `url ${problem}`);
    try {
      await checkResolvedTarget(url, policy);
    } catch (error) {
      throw invalid('url', `url ${error instanceof Error ? error.message : 'cannot be resolved'}`);
    }
  }
}

function invalid(field: string, reason: string): DomainError {
  return new DomainError('invalid', 'request failed validation', { details: [{ field, reasons: [reason] }] });
}

function notFound(): DomainError {
  return new DomainError('not-found', 'no such subscription');
}

function found(row: SubscriptionRow | undefined): SubscriptionRow {
  if (!row) throw notFound();
  return row;
}
