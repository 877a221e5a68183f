import type { EngagementRecordedV1 } from '@handoff/contracts';

/**
 * Which platform lead ids belong to which simulated person. Ingest names the lead in its HTTP answers; for Kafka
 * messages the run learns it from engagement.recorded.v1, whose anonymous id is the simulator's own
 * (`anon-<lead key>-d<device>`). A person on two devices has two lead ids until ingest merges them.
 */
export class LeadIds {
  private readonly keyByLeadId = new Map<string, string>();
  private readonly leadIdsByKey = new Map<string, Set<string>>();

  add(leadKey: string, leadId: string): void {
    this.keyByLeadId.set(leadId, leadKey);
    const ids = this.leadIdsByKey.get(leadKey) ?? new Set<string>();
    this.leadIdsByKey.set(leadKey, ids.add(leadId));
  }

  /** Learns from a recorded event of the run's source; events of other senders are ignored. */
  addRecorded(event: EngagementRecordedV1): void {
    const key = leadKeyOfAnonymousId(event.identity.anonymousId);
    if (key) this.add(key, event.leadId);
  }

  leadKeyOf(leadId: string): string | undefined {
    return this.keyByLeadId.get(leadId);
  }

  leadIdsOf(leadKey: string): string[] {
    return [...(this.leadIdsByKey.get(leadKey) ?? [])];
  }
}

export function leadKeyOfAnonymousId(anonymousId: string | undefined): string | undefined {
  return anonymousId?.match(/^anon-(.+)-d\d+$/)?.[1];
}
