import { Injectable } from '@nestjs/common';
import { DEFAULT_LEAD_LIST, QUALIFIED_CURSOR } from './lead-lists.query';
import { LeadSummaryReader, type LeadSummary, type QualifiedPosition } from './lead-summary.reader';

export interface LeadSearchResult {
  leads: LeadSummary[];
}

export interface QualifiedLeadsPage {
  leads: LeadSummary[];
  /** Pass as `before` for the next (older) page; null on the last one. */
  nextBefore: string | null;
}

/** Finds leads for the operator console; never writes. */
@Injectable()
export class LeadListsService {
  constructor(private readonly reader: LeadSummaryReader) {}

  /** Surviving leads whose company or domain matches, most recently changed first. */
  async search(term: string, limit = DEFAULT_LEAD_LIST): Promise<LeadSearchResult> {
    return { leads: await this.reader.search(term.trim().toLowerCase(), limit) };
  }

  /** Leads at or past MQL, the latest qualified first. */
  async qualified(before: string | undefined, limit = DEFAULT_LEAD_LIST): Promise<QualifiedLeadsPage> {
    const rows = await this.reader.qualified(before === undefined ? undefined : positionOf(before), limit + 1);
    const leads = rows.slice(0, limit);
    const last = leads[leads.length - 1];
    return { leads, nextBefore: rows.length > limit ? `${last.qualifiedAt}_${last.leadId}` : null };
  }
}

function positionOf(cursor: string): QualifiedPosition {
  const [, qualifiedAt, leadId] = QUALIFIED_CURSOR.exec(cursor) ?? [];
  return { qualifiedAt, leadId };
}
