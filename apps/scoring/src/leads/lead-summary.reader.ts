import { Injectable } from '@nestjs/common';
import type { Grade, LifecycleStage } from '@handoff/shared-vocabulary';
import { DataSource } from 'typeorm';

/** How a search term found the lead. */
export type LeadMatch = 'company' | 'domain';

/** A lead as the console lists it; scores are those of its last change (`updatedAt`). */
export interface LeadSummary {
  leadId: string;
  matchedBy?: LeadMatch;
  company?: string;
  companyDomain?: string;
  stage: LifecycleStage;
  behaviourScore: number;
  fitScore: number;
  grade: Grade;
  qualifiedAt?: string;
  updatedAt: string;
}

/** Where a page of qualified leads ends: the next page starts strictly after it. */
export interface QualifiedPosition {
  qualifiedAt: string;
  leadId: string;
}

interface SummaryRecord {
  lead_id: string;
  matched_by?: LeadMatch;
  company: string | null;
  company_domain: string | null;
  stage: LifecycleStage;
  behaviour_score: number;
  fit_score: number;
  grade: Grade;
  qualified_at: Date | null;
  updated_at: Date;
}

const SUMMARY_COLUMNS = `lead_id, state->'profile'->>'company' AS company,
  state->'profile'->>'companyDomain' AS company_domain, stage, behaviour_score, fit_score, grade, qualified_at,
  updated_at`;
/** The domain itself, or a subdomain of it: `acme.com` finds `eu.acme.com`, never `notacme.com`. */
const DOMAIN_MATCHES = `(lower(state->'profile'->>'companyDomain') = $1
  OR right(lower(state->'profile'->>'companyDomain'), length($1) + 1) = '.' || $1)`;
/** Written as the partial index IDX_lead_state_qualified is, so the planner can use it. */
const QUALIFIED = `qualified_at IS NOT NULL AND merged_into IS NULL AND stage IN ('mql', 'sql', 'opportunity', 'customer')`;

/** Lists surviving leads from lead_state: search by company, and the qualified ones newest first. */
@Injectable()
export class LeadSummaryReader {
  constructor(private readonly dataSource: DataSource) {}

  /** `term` is lower-case. No index serves a company substring: each search reads the surviving leads. */
  async search(term: string, limit: number): Promise<LeadSummary[]> {
    const rows: SummaryRecord[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, CASE WHEN ${DOMAIN_MATCHES} THEN 'domain' ELSE 'company' END AS matched_by
       FROM lead_state
       WHERE merged_into IS NULL AND (${DOMAIN_MATCHES} OR strpos(lower(state->'profile'->>'company'), $1) > 0)
       ORDER BY updated_at DESC, lead_id DESC LIMIT $2`,
      [term, limit],
    );
    return rows.map(summaryOf);
  }

  async qualified(after: QualifiedPosition | undefined, limit: number): Promise<LeadSummary[]> {
    const rows: SummaryRecord[] = after
      ? await this.dataSource.query(
          `SELECT ${SUMMARY_COLUMNS} FROM lead_state
           WHERE ${QUALIFIED} AND (qualified_at, lead_id) < ($1::timestamptz, $2::uuid)
           ORDER BY qualified_at DESC, lead_id DESC LIMIT $3`,
          [after.qualifiedAt, after.leadId, limit],
        )
      : await this.dataSource.query(
          `SELECT ${SUMMARY_COLUMNS} FROM lead_state WHERE ${QUALIFIED}
           ORDER BY qualified_at DESC, lead_id DESC LIMIT $1`,
          [limit],
        );
    return rows.map(summaryOf);
  }
}

function summaryOf(row: SummaryRecord): LeadSummary {
  return {
    leadId: row.lead_id,
    ...(row.matched_by === undefined ? {} : { matchedBy: row.matched_by }),
    ...(row.company === null ? {} : { company: row.company }),
    ...(row.company_domain === null ? {} : { companyDomain: row.company_domain }),
    stage: row.stage,
    behaviourScore: row.behaviour_score,
    fitScore: row.fit_score,
    grade: row.grade,
    ...(row.qualified_at === null ? {} : { qualifiedAt: row.qualified_at.toISOString() }),
    updatedAt: row.updated_at.toISOString(),
  };
}
