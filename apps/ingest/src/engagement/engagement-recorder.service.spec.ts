import { randomUUID } from 'node:crypto';
import { ContractViolationError } from '@handoff/contracts';
import type { EventProducer } from '@handoff/platform-kafka';
import { IngestConfig } from '../app/ingest.config';
import type { ContactVault } from '../contacts';
import type { IdentityResolver } from '../identity';
import type { DedupeStore } from './dedupe.store';
import { EngagementRecorder } from './engagement-recorder.service';
import type { IncomingEngagement } from './incoming-engagement';
import { IngestUnavailableError, ReservedPublisher } from './reserved-publisher';

/** A recorder whose producer fails with `failure`; what it released is kept. */
function recorderFailingWith(failure: Error) {
  const released: string[][] = [];
  const dedupe = {
    reserve: async (_source: string, ids: readonly string[]) => ids.map(() => 'new'),
    holdWhile: <T>(_source: string, _ids: readonly string[], send: Promise<T>) => send,
    confirm: async () => undefined,
    release: async (_source: string, ids: readonly string[]) => {
      released.push([...ids]);
    },
  } as unknown as DedupeStore;
  const identities = {
    resolveMany: async (requests: unknown[]) => requests.map(() => ({ leadId: randomUUID(), mergedLeadIds: [] })),
  } as unknown as IdentityResolver;
  const producer = { publish: async () => Promise.reject(failure) } as unknown as EventProducer;
  const contacts = { record: async () => undefined } as unknown as ContactVault;
  const config = new IngestConfig();
  const publisher = new ReservedPublisher(dedupe, producer, config);
  return { recorder: new EngagementRecorder(publisher, identities, config, contacts), released };
}

const engagement: IncomingEngagement = {
  messageId: 'm-1',
  type: 'page_view',
  occurredAt: new Date().toISOString(),
  identity: { anonymousId: 'anon-1' },
  properties: {},
  linksIdentities: false,
};

describe('EngagementRecorder', () => {
  it('reports an event its contract rejects as that violation, never as an outage, and frees its reservation', async () => {
    const violation = new ContractViolationError('engagement.recorded.v1', [{ field: 'identity', reasons: ['x'] }]);
    const { recorder, released } = recorderFailingWith(violation);

    await expect(recorder.record('source-1', [engagement])).rejects.toBe(violation);
    expect(released).toEqual([['m-1']]);
  });

  it('reports a failed send as the event stream being unavailable', async () => {
    const { recorder } = recorderFailingWith(new Error('broker gone'));

    await expect(recorder.record('source-1', [engagement])).rejects.toBeInstanceOf(IngestUnavailableError);
  });
});
