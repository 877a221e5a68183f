import { Module } from '@nestjs/common';
import { AssignmentModule } from '../assignment/assignment.module';
import { LeadRoutingController } from './lead-routing.controller';
import { LeadRoutingReader } from './lead-routing.reader';
import { LeadRoutingService } from './lead-routing.service';

/** A lead's routing for people: the decision trace and its export, and a sales manager's manual move. */
@Module({
  imports: [AssignmentModule],
  controllers: [LeadRoutingController],
  providers: [LeadRoutingReader, LeadRoutingService],
})
export class LeadsModule {}
