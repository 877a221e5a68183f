// What the live view asks the running services every second: each one's Kafka consumer figures from `/metrics`,
// and quota's leaderboard of each simulated team for the quarter's attainment.
import {
  type ConsumerFigures,
  consumerFiguresOf,
  type RepAttainment,
  type SalesOrg,
  type StackService,
} from '@handoff/testing';

/** Each probe gives up after this long, so one slow answer does not hold the view's refresh. */
const PROBE_TIMEOUT_MS = 800;

interface LeaderboardMember {
  repId: string;
  attained: number | null;
  attainmentRatio: number | null;
  currency: string | null;
}

export class LiveProbe {
  private lastAttainment: RepAttainment[] = [];

  constructor(
    private readonly services: Readonly<Record<string, StackService>>,
    private readonly org: SalesOrg,
    private readonly quarterId: string,
  ) {}

  /** Per service; undefined for one whose `/metrics` did not answer in time. */
  async consumers(): Promise<Record<string, ConsumerFigures | undefined>> {
    const figures = await Promise.all(
      Object.entries(this.services).map(async ([name, service]) => {
        const text = await fetchText(`${service.process.baseUrl}/metrics`);
        return [name, text === undefined ? undefined : consumerFiguresOf(text)] as const;
      }),
    );
    return Object.fromEntries(figures);
  }

  /** Every rep's revenue attainment this quarter; the last figures known while quota does not answer. */
  async attainment(): Promise<RepAttainment[]> {
    const quota = this.services['quota'];
    const boards = await Promise.all(
      this.org.teams.map((team) =>
        fetchText(`${quota.process.baseUrl}/teams/${team.id}/leaderboard?period=${this.quarterId}`),
      ),
    );
    if (boards.some((board) => board === undefined)) return this.lastAttainment;
    const members = boards.flatMap(
      (board) => (JSON.parse(board as string) as { members: LeaderboardMember[] }).members,
    );
    this.lastAttainment = members.map((member) => ({
      repId: member.repId,
      attained: member.attained ?? 0,
      ratio: member.attainmentRatio ?? 0,
      currency: member.currency ?? '',
    }));
    return this.lastAttainment;
  }
}

async function fetchText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}
