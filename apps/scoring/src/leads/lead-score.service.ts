import { Injectable } from '@nestjs/common';
import { DomainError } from '@handoff/shared-errors';
import { engagementHistoryAsOf } from '@handoff/domain-prediction';
import { ModelRegistry } from '../models/model-registry.service';
import { conversionViewOf, type ConversionView } from '../prediction/conversion-view';
import { PredictionModelStore } from '../prediction/prediction-model.store';
import { LeadStateStore } from '../scoring/lead-state.store';
import type { StoredLead } from '../scoring/scoring-session.types';
import { DEFAULT_HISTORY_PAGE } from './lead-score.query';
import { LedgerReader, type LedgerView } from './ledger.reader';
import { scoreViewOf, type ScoreView } from './score-view';
import { StageHistoryReader, type StageChangeView } from './stage-history.reader';

export interface HistoryPage {
  leadId: string;
  items: LedgerView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface StageHistory {
  leadId: string;
  changes: StageChangeView[];
}

/** Reads scores, ledgers and stage histories; never writes. */
@Injectable()
export class LeadScoreService {
  constructor(
    private readonly store: LeadStateStore,
    private readonly ledger: LedgerReader,
    private readonly stageHistory: StageHistoryReader,
    private readonly models: ModelRegistry,
    private readonly predictions: PredictionModelStore,
  ) {}

  /** Without `at`: now, with the engagement the live prediction folded; with `at`: as of then, from the recorded inputs. */
  async score(leadId: string, at?: string): Promise<ScoreView> {
    const lead = await this.existing(leadId);
    const model = await this.models.active();
    const instant = at ?? new Date().toISOString();
    return scoreViewOf(lead, model, instant, await this.conversion(lead, model, instant, at !== undefined));
  }

  async history(leadId: string, cursor: string | undefined, limit = DEFAULT_HISTORY_PAGE): Promise<HistoryPage> {
    await this.existing(leadId);
    const rows = await this.ledger.page(leadId, cursor, limit + 1);
    const items = rows.slice(0, limit);
    return { leadId, items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  async stages(leadId: string): Promise<StageHistory> {
    await this.existing(leadId);
    return { leadId, changes: await this.stageHistory.changes(leadId) };
  }

  /** Checks the lead exists, then yields its ledger page by page. */
  async export(leadId: string): Promise<AsyncGenerator<LedgerView[]>> {
    await this.existing(leadId);
    return this.ledger.all(leadId);
  }

  private async conversion(
    lead: StoredLead,
    model: Awaited<ReturnType<ModelRegistry['active']>>,
    at: string,
    travelled: boolean,
  ): Promise<ConversionView | null> {
    const predictor = await this.predictions.current();
    if (predictor === null || lead.mergedInto !== null) return null;
    const engagement = travelled
      ? engagementHistoryAsOf(await this.store.engagementFacts(lead.leadId, at), Date.parse(at))
      : lead.prediction.engagement;
    return conversionViewOf(predictor, lead, model, at, engagement);
  }

  private async existing(leadId: string): Promise<StoredLead> {
    const lead = await this.store.find(leadId);
    if (!lead) throw new DomainError('not-found', `lead ${leadId} has no score yet`);
    return lead;
  }
}
