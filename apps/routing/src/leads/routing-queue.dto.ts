import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSIGNMENT_TRIGGERS, type AssignmentTrigger } from '@handoff/shared-vocabulary';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { QueuedLead, RoutingQueueView } from './routing-queue.reader';

export const MAX_QUEUE_PAGE = 200;
export const DEFAULT_QUEUE_PAGE = 50;

export class RoutingQueueQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_QUEUE_PAGE, default: DEFAULT_QUEUE_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_QUEUE_PAGE)
  limit?: number;
}

export class QueuedLeadDto implements QueuedLead {
  @ApiProperty({ format: 'uuid', description: 'The lead.qualified event waiting' })
  qualificationId!: string;

  @ApiProperty({ format: 'uuid' })
  leadId!: string;

  @ApiPropertyOptional({ example: 'Acme Corp' })
  company?: string;

  @ApiPropertyOptional({ example: 'acme.com' })
  companyDomain?: string;

  @ApiProperty({ format: 'date-time' })
  qualifiedAt!: string;

  @ApiProperty({ description: 'The pool it waits in', example: 'emea-enterprise' })
  poolId!: string;

  @ApiProperty({ format: 'date-time', description: 'Since when nobody in the pool could take it' })
  queuedSince!: string;

  @ApiProperty({
    enum: ASSIGNMENT_TRIGGERS,
    description: 'What queued it: the qualification, a rejection, a missed SLA…',
  })
  trigger!: AssignmentTrigger;

  @ApiProperty({ description: 'The rule of the decision that queued it' })
  ruleId!: string;

  @ApiProperty({ description: 'Why nobody was chosen, as the decision recorded it' })
  reason!: string;
}

export class RoutingQueueDto implements RoutingQueueView {
  @ApiProperty({ description: 'Every lead waiting, however many are listed' })
  total!: number;

  @ApiProperty({ type: [QueuedLeadDto], description: 'Waiting longest first' })
  leads!: QueuedLeadDto[];
}
