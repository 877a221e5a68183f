import { decodeEvent, Topics } from '@handoff/contracts';
import { FunnelGenerator, INGEST_INTERFACES } from './funnel-generator';
import { ingestRequestOf } from './interface-payloads';

const AT = '2026-12-06T10:00:00.000Z';
const generate = (seed: number, count: number, runId = 'run1') => new FunnelGenerator({ seed, runId }).take(count);

describe('FunnelGenerator', () => {
  it('sends the same messages in the same order for the same seed and run id', () => {
    const first = generate(42, 2000).map((message) => ingestRequestOf(message, AT, 'source-1'));
    const second = generate(42, 2000).map((message) => ingestRequestOf(message, AT, 'source-1'));
    expect(second).toEqual(first);
    expect(generate(43, 200)).not.toEqual(generate(42, 200));
  });

  it('gives every message its own id, namespaced by the run', () => {
    const messages = generate(1, 3000, 'runA');
    expect(new Set(messages.map((message) => message.messageId)).size).toBe(3000);
    expect(messages.every((message) => message.messageId.startsWith('runA-'))).toBe(true);
    expect(messages.every((message) => message.lead.anonymousIds.every((id) => id.includes('runA-')))).toBe(true);
  });

  it('splits messages between the interfaces by the configured mix', () => {
    const messages = new FunnelGenerator({ seed: 5, runId: 'r', mix: { native: 2, segment: 1, kafka: 1 } }).take(8000);
    const share = (via: string) => messages.filter((message) => message.via === via).length / messages.length;
    expect(share('native')).toBeGreaterThan(0.47);
    expect(share('native')).toBeLessThan(0.53);
    expect(share('segment')).toBeGreaterThan(0.22);
    expect(share('kafka')).toBeGreaterThan(0.22);
    expect(INGEST_INTERFACES.every((via) => share(via) > 0)).toBe(true);
  });

  it('interleaves many people, each identifying at most once per device', () => {
    const messages = generate(9, 5000);
    const leads = new Set(messages.map((message) => message.lead.key));
    expect(leads.size).toBeGreaterThan(100);
    const identifies = messages.filter((message) => message.step.type === 'profile_update');
    const perDevice = new Set(identifies.map((message) => `${message.lead.key}:${message.step.device}`));
    expect(perDevice.size).toBe(identifies.length);
  });

  it('ties both devices of some people to one email', () => {
    const messages = generate(3, 10_000);
    const devicesIdentified = new Map<string, Set<number>>();
    for (const { lead, step } of messages.filter((message) => message.step.type === 'profile_update')) {
      devicesIdentified.set(lead.key, (devicesIdentified.get(lead.key) ?? new Set()).add(step.device));
    }
    expect([...devicesIdentified.values()].filter((devices) => devices.size === 2).length).toBeGreaterThan(5);
  });

  it('produces Kafka records that meet the engagement.inbound.v1 contract', () => {
    for (const message of generate(21, 500)) {
      const request = ingestRequestOf({ ...message, via: 'kafka' }, AT, 'source-1');
      if (request.via !== 'kafka') throw new Error('expected a Kafka record');
      expect(() => decodeEvent(Topics.engagementInbound, request.value)).not.toThrow();
    }
  });
});
