import type { Leaderboard } from '../../api/quota';
import { EmptyRow } from '../../common/empty-row';
import { formatMoney, formatNumber, formatPercent, words } from '../../common/format';

export function LeaderboardTable({ board, nameOf }: { board: Leaderboard; nameOf: (repId: string) => string }) {
  return (
    <table>
      <caption>Leaderboard, {board.period.id}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            Rank
          </th>
          <th scope="col">Rep</th>
          <th scope="col" className="num">
            Attainment
          </th>
          <th scope="col" className="num">
            Attained
          </th>
          <th scope="col" className="num">
            Target
          </th>
          <th scope="col">Pace</th>
          <th scope="col" className="num">
            Deals won
          </th>
          <th scope="col" className="num">
            Leads accepted
          </th>
          <th scope="col" className="num">
            Meetings held
          </th>
          <th scope="col" className="num">
            Open leads
          </th>
        </tr>
      </thead>
      <tbody>
        {board.members.length === 0 && <EmptyRow columns={10} text="Nobody in the team this period" />}
        {board.members.map((m) => (
          <tr key={m.repId}>
            <td className="num">{m.rank}</td>
            <th scope="row">{nameOf(m.repId)}</th>
            <td className="num">{formatPercent(m.attainmentRatio)}</td>
            <td className="num">{formatMoney(m.attained, m.currency)}</td>
            <td className="num">{formatMoney(m.target, m.currency)}</td>
            <td>{words(m.pace)}</td>
            <td className="num">{formatNumber(m.dealsWon, 0)}</td>
            <td className="num">{formatNumber(m.leadsAccepted, 0)}</td>
            <td className="num">{formatNumber(m.meetingsHeld, 0)}</td>
            <td className="num">{formatNumber(m.openLeads, 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
