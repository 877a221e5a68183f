import { Link } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { BacktestReport } from '../../api/scoring';
import { CHART_COLOURS, ChartFigure } from '../../common/chart-figure';
import { formatDateTime, formatNumber, words } from '../../common/format';
import { comparisonRows, distributionRows } from './backtest-diff';

const DIFFERENCES_SHOWN = 50;

export function BacktestReportView({ report }: { report: BacktestReport }) {
  const { active, candidate } = report;
  return (
    <section aria-labelledby="backtest-report">
      <h3 id="backtest-report">
        {candidate.modelVersion} against {active.modelVersion}
      </h3>
      <p className="muted">
        {formatNumber(report.leads, 0)} leads replayed up to {formatDateTime(report.at)}.
      </p>
      <table>
        <caption>Before (active) and after (candidate)</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col" className="num">
              Active {active.modelVersion}
            </th>
            <th scope="col" className="num">
              Candidate {candidate.modelVersion}
            </th>
            <th scope="col" className="num">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {comparisonRows(active, candidate).map((row) => (
            <tr key={row.measure}>
              <th scope="row">{row.measure}</th>
              <td className="num">{formatNumber(row.active, 0)}</td>
              <td className="num">{formatNumber(row.candidate, 0)}</td>
              <td className="num">
                {row.change > 0 ? `+${formatNumber(row.change, 0)}` : formatNumber(row.change, 0)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ChartFigure caption="Leads per behaviour score, active and candidate model">
        <BarChart data={distributionRows(active.distribution, candidate.distribution)}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="bucket" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar
            dataKey="active"
            name={`Active ${active.modelVersion}`}
            fill={CHART_COLOURS[0]}
            isAnimationActive={false}
          />
          <Bar
            dataKey="candidate"
            name={`Candidate ${candidate.modelVersion}`}
            fill={CHART_COLOURS[1]}
            isAnimationActive={false}
          />
        </BarChart>
      </ChartFigure>
      <table>
        <caption>
          Leads whose outcome differs ({formatNumber(report.differences.length, 0)}
          {report.differences.length > DIFFERENCES_SHOWN ? `, first ${DIFFERENCES_SHOWN} shown` : ''})
        </caption>
        <thead>
          <tr>
            <th scope="col">Lead</th>
            <th scope="col">Active: stage, grade, behaviour</th>
            <th scope="col">Candidate: stage, grade, behaviour</th>
          </tr>
        </thead>
        <tbody>
          {report.differences.slice(0, DIFFERENCES_SHOWN).map((d) => (
            <tr key={d.leadId}>
              <th scope="row">
                <Link to={`/leads/${encodeURIComponent(d.leadId)}`}>
                  <code>{d.leadId}</code>
                </Link>
              </th>
              <td>
                {words(d.active.stage)}, {d.active.grade}, {formatNumber(d.active.behaviour)}
              </td>
              <td>
                {words(d.candidate.stage)}, {d.candidate.grade}, {formatNumber(d.candidate.behaviour)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
