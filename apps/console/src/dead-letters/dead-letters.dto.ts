import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { DeadLetterReplayRequest } from '@handoff/console-api';

/** The most dead letters one replay may name: a page's worth. */
export const MAX_REPLAY_POSITIONS = 1000;

export class DeadLetterReplayBody implements DeadLetterReplayRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REPLAY_POSITIONS)
  @Matches(/^\d{1,5}\/\d{1,19}$/, { each: true, message: 'each of $property must be <partition>/<offset>' })
  positions!: string[];
}

export class DeadLetterPageQuery {
  /** The newest dead letters first, this many at most. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_REPLAY_POSITIONS)
  limit?: number;
}
