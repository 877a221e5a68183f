import { DomainError } from '@handoff/shared-errors';

const DEFAULT_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

export interface FairnessWindow {
  from: string;
  to: string;
}

/**
 * The report's window `[from, to)` in UTC: `to` defaults to now, `from` to 30 days before `to`. The instants'
 * form is the query DTO's check; their order is checked here, where the defaults are known.
 */
export function fairnessWindow(query: { from?: string; to?: string }, nowMs: number): FairnessWindow {
  const toMs = query.to === undefined ? nowMs : Date.parse(query.to);
  const fromMs = query.from === undefined ? toMs - DEFAULT_WINDOW_MS : Date.parse(query.from);
  if (fromMs >= toMs) {
    const reason = query.to === undefined ? 'from must be before now (to defaults to now)' : 'from must be before to';
    throw new DomainError('invalid', 'the window is empty', { details: [{ field: 'from', reasons: [reason] }] });
  }
  return { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
}
