import type { LeadSearchResult, LeadSummary } from '@handoff/console-api';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { withQuery } from '../../api/client';
import { PageTitle } from '../../common/page-title';
import { LoadState } from '../../common/status';
import { useGet } from '../../common/use-load';
import { LeadSummariesTable } from './lead-summaries-table';

export function LeadsPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(query);
  const search = useGet<LeadSearchResult>(query ? withQuery('/api/leads/search', { q: query }) : null);
  const mqls = useGet<LeadSummary[]>(withQuery('/api/leads/mqls', { limit: 50 }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  };

  return (
    <>
      <PageTitle>Leads</PageTitle>
      <form role="search" onSubmit={submit} className="inline-form">
        <label htmlFor="lead-search">Search leads</label>
        <input
          id="lead-search"
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="lead id, email, company or domain"
        />
        <button type="submit">Search</button>
      </form>
      {query && (
        <section aria-labelledby="search-results">
          <h2 id="search-results">Results for “{query}”</h2>
          <LoadState loaded={search} label="the results">
            {(result) => <LeadSummariesTable caption="Matching leads" leads={result.leads} />}
          </LoadState>
        </section>
      )}
      <section aria-labelledby="newest-mqls">
        <h2 id="newest-mqls">Newest MQLs</h2>
        <LoadState loaded={mqls} label="the newest MQLs">
          {(leads) => <LeadSummariesTable caption="Newest MQLs" leads={leads} />}
        </LoadState>
      </section>
    </>
  );
}
