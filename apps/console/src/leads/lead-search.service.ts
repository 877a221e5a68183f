import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { LeadMatch, LeadSearchResult, LeadSummary } from '@handoff/console-api';
import { IngestClient, ScoringClient, ServiceCallError, servicePath } from '../upstream';

/** The part of scoring's ScoreViewDto a search row shows. */
interface ScoreView {
  leadId: string;
  at: string;
  behaviour: { score: number };
  fit: { score: number; grade: string };
  lifecycle: { stage: string; lastQualifiedAt: string | null };
}

/**
 * Finds leads from what an operator types: a lead id, an email address (resolved by ingest, which alone holds
 * contact details) or a company name or domain (scoring). The term is never logged: it may be an email.
 */
@Injectable()
export class LeadSearchService {
  constructor(
    private readonly ingest: IngestClient,
    private readonly scoring: ScoringClient,
  ) {}

  async search(query: string): Promise<LeadSearchResult> {
    const term = query.trim();
    return { query: term, leads: await this.leadsMatching(term) };
  }

  private async leadsMatching(term: string): Promise<LeadSummary[]> {
    if (isUUID(term)) return this.leadById(term, 'id');
    if (term.includes('@')) {
      const found = await unlessNotFound(this.ingest.post<{ leadId: string }>('/leads/lookup', { email: term }));
      return found ? this.leadById(found.leadId, 'email') : [];
    }
    return (await this.scoring.get<{ leads: LeadSummary[] }>('/leads', { q: term })).leads;
  }

  private async leadById(leadId: string, matchedBy: LeadMatch): Promise<LeadSummary[]> {
    const view = await unlessNotFound(this.scoring.get<ScoreView>(servicePath`/leads/${leadId}/score`));
    return view ? [summaryOf(view, matchedBy)] : [];
  }
}

function summaryOf(view: ScoreView, matchedBy: LeadMatch): LeadSummary {
  return {
    leadId: view.leadId,
    matchedBy,
    stage: view.lifecycle.stage,
    behaviourScore: view.behaviour.score,
    fitScore: view.fit.score,
    grade: view.fit.grade,
    ...(view.lifecycle.lastQualifiedAt ? { qualifiedAt: view.lifecycle.lastQualifiedAt } : {}),
    // Scoring's view is of now, and says so in `at`: the row shows the score as of that instant.
    updatedAt: view.at,
  };
}

/** A search that names no lead finds nothing; every other failure is the page's to show. */
async function unlessNotFound<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ServiceCallError && error.status === 404) return undefined;
    throw error;
  }
}
