import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { IsIdentifier, IsInstant, IsNestedArray } from '@handoff/contracts';

/** Team histories are kept for years; a membership may be planned up to two years ahead. */
const MEMBERSHIP_AHEAD_MS = 2 * 366 * 24 * 60 * 60 * 1000;
const MAX_MEMBERSHIPS = 500;

export class MembershipDto {
  @ApiProperty({ example: 'emea-smb' })
  @IsIdentifier()
  teamId!: string;

  @ApiProperty({ description: 'ISO 8601 instant with an offset, inclusive', example: '2026-07-01T00:00:00Z' })
  @IsString()
  from!: string;

  @ApiPropertyOptional({
    description: 'ISO 8601 instant, exclusive; absent while it lasts',
    example: '2027-01-01T00:00:00Z',
  })
  @IsOptional()
  @IsString()
  to?: string;
}

export class TeamHistoryBodyDto {
  @ApiProperty({
    type: [MembershipDto],
    description: `The rep’s whole history, at most ${MAX_MEMBERSHIPS}; one team at a time (no overlaps); [] clears it`,
  })
  @IsNestedArray(() => MembershipDto, { min: 0, max: MAX_MEMBERSHIPS })
  memberships!: MembershipDto[];
}

export class TeamHistoryDto {
  @ApiProperty({ example: 'ana-silva' })
  repId!: string;

  @ApiProperty({ type: [MembershipDto], description: 'Oldest first' })
  memberships!: MembershipDto[];
}

export class TeamMembersQuery {
  @ApiPropertyOptional({
    description: 'The instant asked about (ISO 8601); now when absent',
    example: '2027-02-01T00:00:00Z',
  })
  @IsOptional()
  @IsInstant(MEMBERSHIP_AHEAD_MS)
  at?: string;
}

export class TeamMembersDto {
  @ApiProperty({ example: 'emea-smb' })
  teamId!: string;

  @ApiProperty({ description: 'The instant the members are of', example: '2027-02-01T00:00:00.000Z' })
  at!: string;

  @ApiProperty({ type: [String], description: 'The reps in the team then, by id', example: ['ana-silva'] })
  repIds!: string[];
}
