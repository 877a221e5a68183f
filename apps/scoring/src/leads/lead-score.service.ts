import { Injectable } from '@nestjs/common';
import { DomainError } from '@handoff/shared-errors';
import { ModelRegistry } from '../models/model-registry.service';
import { LeadStateStore } from '../scoring/lead-state.store';
import type { StoredLead } from '../scoring/scoring-session.types';
import { DEFAULT_HISTORY_PAGE } from './lead-score.query';
import { LedgerReader, type LedgerView } from './ledger.reader';
import { scoreViewOf, type ScoreView } from './score-view';

export interface HistoryPage {
  leadId: string;
  items: LedgerView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Reads scores and ledgers; never writes. */
@Injectable()
export class LeadScoreService {
  constructor(
    private readonly store: LeadStateStore,
    private readonly ledger: LedgerReader,
    private readonly models: ModelRegistry,
  ) {}

  async score(leadId: string, at: string = new Date().toISOString()): Promise<ScoreView> {
    const lead = await this.existing(leadId);
    return scoreViewOf(lead, await this.models.active(), at);
  }

  async history(leadId: string, cursor: string | undefined, limit = DEFAULT_HISTORY_PAGE): Promise<HistoryPage> {
    await this.existing(leadId);
    const rows = await this.ledger.page(leadId, cursor, limit + 1);
    const items = rows.slice(0, limit);
    return { leadId, items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  /** Checks the lead exists, then yields its ledger page by page. */
  async export(leadId: string): Promise<AsyncGenerator<LedgerView[]>> {
    await this.existing(leadId);
    return this.ledger.all(leadId);
  }

  private async existing(leadId: string): Promise<StoredLead> {
    const lead = await this.store.find(leadId);
    if (!lead) throw new DomainError('not-found', `lead ${leadId} has no score yet`);
    return lead;
  }
}
