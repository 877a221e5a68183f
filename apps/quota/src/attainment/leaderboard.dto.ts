import { ApiProperty } from '@nestjs/swagger';
import type { PaceVerdict } from '@handoff/domain-quota';
import { FiguresDto, PACE_VERDICTS, PeriodDto, QuotaOwnerDto } from './attainment.dto';
import type { LeaderboardRow } from './leaderboard';
import type { Leaderboard, TeamAttainment } from './leaderboard.service';
import { TARGETS_SOURCES, type TargetsSource } from './team-quota';

export class TeamAttainmentDto extends FiguresDto implements TeamAttainment {
  @ApiProperty({ type: String, nullable: true, description: 'The team’s quota; null when the targets are rolled up' })
  quotaId!: string | null;

  @ApiProperty({ type: QuotaOwnerDto })
  owner!: QuotaOwnerDto;

  @ApiProperty({
    enum: TARGETS_SOURCES,
    description:
      'team_quota: the team’s own quota for the period. rolled_up: none is set, so the members’ targets are ' +
      'summed, each weighted by the share of the period the rep spent in the team, on a linear curve',
  })
  targetsSource!: TargetsSource;
}

export class LeaderboardRowDto implements LeaderboardRow {
  @ApiProperty({ description: 'From 1; by revenue attainment ratio, then deals won, then rep id', example: 1 })
  rank!: number;

  @ApiProperty({ example: 'ana-silva' })
  repId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The rep’s quota for the period; null without one' })
  quotaId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The rep’s revenue target’s currency', example: 'USD' })
  currency!: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Revenue attained ÷ target; null without a revenue target',
  })
  attainmentRatio!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Revenue attained, in currency' })
  attained!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Revenue target, in currency' })
  target!: number | null;

  @ApiProperty({ enum: PACE_VERDICTS, nullable: true, description: 'Revenue pace' })
  pace!: PaceVerdict | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Revenue expected to date − attained (positive = behind)' })
  paceGap!: number | null;

  @ApiProperty({ description: 'The rep’s deals won in the period (all of them, in this team or not)' })
  dealsWon!: number;

  @ApiProperty()
  leadsAccepted!: number;

  @ApiProperty()
  meetingsHeld!: number;

  @ApiProperty({ description: 'Leads routed to the rep and not closed, now' })
  openLeads!: number;

  @ApiProperty({ description: 'Won revenue not converted into the target’s currency yet (no rate)' })
  pendingConversions!: number;

  @ApiProperty({ description: 'An outcome of the rep’s in the period was recorded after it closed' })
  restated!: boolean;
}

export class LeaderboardDto implements Leaderboard {
  @ApiProperty({ example: 'emea-north' })
  teamId!: string;

  @ApiProperty({ type: PeriodDto })
  period!: PeriodDto;

  @ApiProperty({ format: 'date-time' })
  asOf!: string;

  @ApiProperty({
    type: TeamAttainmentDto,
    description: 'What the team attained: each member’s outcomes while in the team, decided by the team history',
  })
  team!: TeamAttainmentDto;

  @ApiProperty({ type: [LeaderboardRowDto], description: 'Every rep in the team at any time in the period, ranked' })
  members!: LeaderboardRowDto[];
}
