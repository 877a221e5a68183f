/** How a search term found the lead. */
export type LeadMatch = 'id' | 'email' | 'company' | 'domain';

/** One row of `GET /api/leads/search?q=` and of `GET /api/leads/mqls` (newest MQLs first). */
export interface LeadSummary {
  leadId: string;
  matchedBy?: LeadMatch;
  company?: string;
  companyDomain?: string;
  stage: string;
  behaviourScore: number;
  fitScore: number;
  grade: string;
  /** When the lead last became an MQL, if it ever did. */
  qualifiedAt?: string;
  updatedAt: string;
}

export interface LeadSearchResult {
  query: string;
  leads: LeadSummary[];
}
