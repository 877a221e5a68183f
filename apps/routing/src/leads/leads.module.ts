import { Module } from '@nestjs/common';
import { AssignmentModule } from '../assignment/assignment.module';
import { LeadRoutingController } from './lead-routing.controller';
import { LeadRoutingReader } from './lead-routing.reader';
import { LeadRoutingService } from './lead-routing.service';
import { RoutingQueueController } from './routing-queue.controller';
import { RoutingQueueReader } from './routing-queue.reader';

/**
 * A lead's routing for people: the decision trace and its export, a sales manager's manual move, and the leads
 * waiting for a rep.
 */
@Module({
  imports: [AssignmentModule],
  controllers: [LeadRoutingController, RoutingQueueController],
  providers: [LeadRoutingReader, LeadRoutingService, RoutingQueueReader],
})
export class LeadsModule {}
