import type { ScoreView } from '../../api/scoring';
import { formatDateTime, formatNumber, formatPercent, words } from '../../common/format';

export function ScoreNow({ score }: { score: ScoreView }) {
  const { behaviour, fit, lifecycle, conversion } = score;
  return (
    <section aria-labelledby="score-now">
      <h2 id="score-now">Score now</h2>
      <dl className="facts">
        <dt>Behaviour</dt>
        <dd>{formatNumber(behaviour.score)}</dd>
        <dt>Fit</dt>
        <dd>{formatNumber(fit.score)}</dd>
        <dt>Grade</dt>
        <dd>{fit.grade}</dd>
        <dt>Stage</dt>
        <dd>
          {words(lifecycle.stage)} since {formatDateTime(lifecycle.since)} ({words(lifecycle.reason)})
        </dd>
        <dt>Model</dt>
        <dd>{score.modelVersion}</dd>
        {score.mergedInto && (
          <>
            <dt>Merged into</dt>
            <dd>
              <code>{score.mergedInto}</code>
            </dd>
          </>
        )}
        {conversion && (
          <>
            <dt>Predicted conversion</dt>
            <dd>
              {formatPercent(conversion.probability)} (95% between {formatPercent(conversion.low)} and{' '}
              {formatPercent(conversion.high)}; model {conversion.modelVersion}, {conversion.mode})
            </dd>
          </>
        )}
      </dl>
      <h3>Behaviour by group</h3>
      <table>
        <caption>Behaviour points per group</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="num">
              Earned
            </th>
            <th scope="col" className="num">
              Penalties
            </th>
            <th scope="col" className="num">
              Limit
            </th>
            <th scope="col" className="num">
              Score
            </th>
          </tr>
        </thead>
        <tbody>
          {behaviour.groups.map((group) => (
            <tr key={group.groupId}>
              <th scope="row">{group.label}</th>
              <td className="num">{formatNumber(group.earned)}</td>
              <td className="num">{formatNumber(group.penalties)}</td>
              <td className="num">{formatNumber(group.limit)}</td>
              <td className="num">{formatNumber(group.score)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">In no group</th>
            <td className="num">—</td>
            <td className="num">—</td>
            <td className="num">—</td>
            <td className="num">{formatNumber(behaviour.ungrouped)}</td>
          </tr>
        </tbody>
      </table>
      <h3>Top factors</h3>
      <ul>
        {behaviour.topFactors.map((factor) => (
          <li key={factor.ruleId}>
            {factor.label}: {factor.points >= 0 ? 'adds' : 'takes away'} {formatNumber(Math.abs(factor.points))} points
          </li>
        ))}
        {fit.factors.map((factor) => (
          <li key={`fit-${factor.ruleId}`}>
            Fit, {factor.label}: {formatNumber(factor.points)} points
          </li>
        ))}
      </ul>
      {conversion && conversion.factors.length > 0 && (
        <>
          <h3>What drives the prediction</h3>
          <ul>
            {conversion.factors.map((factor) => (
              <li key={factor.feature}>{factor.words}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
