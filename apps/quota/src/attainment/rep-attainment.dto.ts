import { ApiProperty } from '@nestjs/swagger';
import type { Workload } from '../books/quota-books.store';
import { AttainmentDto, PeriodDto } from './attainment.dto';
import type { RepAttainment } from './rep-attainment.service';

export class WorkloadDto implements Workload {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Leads routed to the rep and not closed yet', example: 4 })
  openLeads!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Leads routed to the rep in the last 24 hours' })
  receivedLast24h!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Leads routed to the rep in the last 30 days' })
  receivedLast30d!: number;
}

export class RepAttainmentDto extends AttainmentDto implements RepAttainment {
  @ApiProperty({ type: PeriodDto })
  period!: PeriodDto;

  @ApiProperty({ type: String, nullable: true, description: 'The rep’s team now; null when in none' })
  teamId!: string | null;

  @ApiProperty({ type: WorkloadDto })
  workload!: WorkloadDto;
}
