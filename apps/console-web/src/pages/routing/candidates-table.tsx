import type { CandidateTrace } from '../../api/routing';
import { EmptyRow } from '../../common/empty-row';
import { formatNumber } from '../../common/format';
import { candidateVerdict, rankCandidates } from './candidate-verdict';

export function CandidatesTable({ caption, candidates }: { caption: string; candidates: CandidateTrace[] }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Rep</th>
          <th scope="col">Eligible or why not</th>
          <th scope="col" className="num">
            Strategy score
          </th>
          <th scope="col">Ranking detail</th>
        </tr>
      </thead>
      <tbody>
        {candidates.length === 0 && <EmptyRow columns={4} text="No rep was considered" />}
        {rankCandidates(candidates).map((c) => (
          <tr key={c.repId} className={c.chosen ? 'chosen' : undefined}>
            <th scope="row">{c.repId}</th>
            <td>{candidateVerdict(c)}</td>
            <td className="num">{formatNumber(c.strategyScore)}</td>
            <td>{c.strategyDetail ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
