import type { DryRunAnswer } from '../../api/routing';
import { formatDateTime, words } from '../../common/format';
import { CandidatesTable } from './candidates-table';

export function DryRunTrace({ answer }: { answer: DryRunAnswer }) {
  const { decision, trace } = answer;
  return (
    <div className="trace">
      <p>
        <strong>
          {decision.outcome === 'assigned' ? `Would go to ${decision.repId}` : 'Would wait in the queue'} of pool{' '}
          {decision.poolId}
        </strong>{' '}
        by rule {decision.ruleId} ({words(decision.strategy)}
        {decision.path ? `, ${words(decision.path)}` : ''}), rules {answer.ruleSetVersion}, as of{' '}
        {formatDateTime(answer.decidedAt)}. {decision.reason}
        {decision.slaDueAt ? ` SLA due ${formatDateTime(decision.slaDueAt)}.` : ''}
      </p>
      <table>
        <caption>Rules tried, in order</caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Matched</th>
            <th scope="col">First failed condition</th>
          </tr>
        </thead>
        <tbody>
          {trace.rules.map((rule) => (
            <tr key={rule.ruleId}>
              <th scope="row">{rule.ruleId}</th>
              <td>{rule.matched ? 'Yes' : 'No'}</td>
              <td>{rule.failedCondition ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {trace.accountMatch && (
        <p>
          Matched account {trace.accountMatch.accountId} (confidence {trace.accountMatch.confidence}
          {trace.accountMatch.ownerRepId ? `, owner ${trace.accountMatch.ownerRepId}` : ''}).
        </p>
      )}
      {trace.notes?.map((note) => (
        <p key={note}>{note}</p>
      ))}
      <CandidatesTable caption="Every candidate and why" candidates={trace.candidates} />
    </div>
  );
}
