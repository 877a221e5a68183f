/** One admin action, as `GET /api/audit` lists them (newest first). */
export interface AuditEntryView {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  /** What was done, e.g. `rep.out-of-office.set`, `model.activate`, `dead-letters.replay`, `lead.contact.read`. */
  action: string;
  /** What it was done to, e.g. a rep id, a model version, a topic. */
  target: string;
  /** `succeeded`, or `failed` with the answer's status in `detail`. */
  outcome: 'succeeded' | 'failed';
  detail?: Record<string, unknown>;
}

export interface AuditPage {
  entries: AuditEntryView[];
  /** Pass as `before` for the next (older) page; absent on the last one. */
  nextBefore?: string;
}
