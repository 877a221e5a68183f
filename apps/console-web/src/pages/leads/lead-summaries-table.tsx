import type { LeadSummary } from '@handoff/console-api';
import { Link } from 'react-router-dom';
import { EmptyRow } from '../../common/empty-row';
import { formatDateTime, formatNumber, words } from '../../common/format';

export function LeadSummariesTable({ caption, leads }: { caption: string; leads: LeadSummary[] }) {
  const showMatch = leads.some((lead) => lead.matchedBy);
  const columns = showMatch ? 8 : 7;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Lead</th>
          <th scope="col">Company</th>
          {showMatch && <th scope="col">Matched by</th>}
          <th scope="col">Stage</th>
          <th scope="col" className="num">
            Behaviour
          </th>
          <th scope="col" className="num">
            Fit
          </th>
          <th scope="col">Grade</th>
          <th scope="col">Qualified</th>
        </tr>
      </thead>
      <tbody>
        {leads.length === 0 && <EmptyRow columns={columns} text="No leads" />}
        {leads.map((lead) => (
          <tr key={lead.leadId}>
            <th scope="row">
              <Link to={`/leads/${encodeURIComponent(lead.leadId)}`}>
                <code>{lead.leadId}</code>
              </Link>
            </th>
            <td>{lead.company ?? lead.companyDomain ?? '—'}</td>
            {showMatch && <td>{lead.matchedBy ?? '—'}</td>}
            <td>{words(lead.stage)}</td>
            <td className="num">{formatNumber(lead.behaviourScore)}</td>
            <td className="num">{formatNumber(lead.fitScore)}</td>
            <td>{lead.grade}</td>
            <td>{formatDateTime(lead.qualifiedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
