import { useSearchParams } from 'react-router-dom';
import { apiGet, segment, withQuery } from '../../api/client';
import type { Leaderboard, Team } from '../../api/quota';
import type { Rep } from '../../api/routing';
import { formatDateTime, formatPercent } from '../../common/format';
import { PageTitle } from '../../common/page-title';
import { LoadState } from '../../common/status';
import { useGet, useLoad } from '../../common/use-load';
import { LeaderboardTable } from './leaderboard-table';
import { nearbyPeriods } from './quota-charts';
import { QuotaCharts } from './quota-charts-view';

const TEAMS = '/api/quotas/teams';

export function QuotasPage() {
  const [params, setParams] = useSearchParams();
  const teams = useLoad(TEAMS, async (signal) => (await apiGet<{ teams: Team[] }>(TEAMS, signal)).teams);
  const reps = useGet<{ reps: Rep[] }>('/api/routing/reps');
  const teamId = params.get('team') ?? teams.data?.[0]?.id ?? '';
  const period = params.get('period') ?? '';
  const query = { period: period || undefined };
  const board = useGet<Leaderboard>(
    teamId ? withQuery(`/api/quotas/teams/${segment(teamId)}/leaderboard`, query) : null,
  );
  const names = new Map((reps.data?.reps ?? []).map((rep) => [rep.id, rep.name]));
  const nameOf = (repId: string) => names.get(repId) ?? repId;
  const choose = (changes: { team?: string; period?: string }) => {
    const next = { team: teamId, period, ...changes };
    setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value)));
  };
  const periods = board.data ? nearbyPeriods(board.data.period.id) : period ? [period] : [];

  return (
    <>
      <PageTitle>Quotas</PageTitle>
      <LoadState loaded={teams} label="the teams">
        {(list) => (
          <form className="inline-form" onSubmit={(e) => e.preventDefault()}>
            <label>
              Team
              <select value={teamId} onChange={(e) => choose({ team: e.target.value })}>
                {list.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name ?? team.id}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Period
              <select value={period} onChange={(e) => choose({ period: e.target.value })}>
                <option value="">Current period</option>
                {periods.map((id) => (
                  <option key={id} value={id}>
                    {id}
                  </option>
                ))}
              </select>
            </label>
            {teamId && (
              <a href={withQuery(`/api/quotas/teams/${segment(teamId)}/leaderboard.csv`, query)} download>
                Download CSV
              </a>
            )}
          </form>
        )}
      </LoadState>
      {teamId && (
        <LoadState loaded={board} label="the leaderboard">
          {(data) => (
            <>
              <p className="muted">
                {data.period.id}: {formatDateTime(data.period.start)} to {formatDateTime(data.period.end)},{' '}
                {formatPercent(data.team.elapsedFraction)} gone by; figures as of {formatDateTime(data.asOf)}.
                {data.team.revenue &&
                  ` Team revenue ${formatPercent(data.team.revenue.ratio)} of target (expected by now ${formatPercent(data.team.expectedShare)}).`}
              </p>
              <LeaderboardTable board={data} nameOf={nameOf} />
              <QuotaCharts board={data} nameOf={nameOf} />
            </>
          )}
        </LoadState>
      )}
    </>
  );
}
