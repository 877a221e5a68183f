import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class RepLimitBodyDto {
  @ApiProperty({ description: 'Open leads the rep may hold at once (0 takes the rep out of routing)', example: 30 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  maxOpenLeads!: number;
}

export class RepLimitDto {
  @ApiProperty({ example: 'ana-silva' })
  repId!: string;

  @ApiProperty({ example: 30 })
  maxOpenLeads!: number;

  @ApiProperty({ description: 'Whether this is QUOTA_DEFAULT_MAX_OPEN_LEADS, no limit being set for the rep' })
  default!: boolean;
}
