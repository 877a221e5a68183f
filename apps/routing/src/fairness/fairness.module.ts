import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { PoolAssignmentsReader } from './pool-assignments.reader';
import { PoolFairnessController } from './pool-fairness.controller';
import { PoolFairnessService } from './pool-fairness.service';

/** The fairness report of a pool: shares against weights, and the queue's waiting times. */
@Module({
  imports: [DirectoryModule],
  controllers: [PoolFairnessController],
  providers: [PoolAssignmentsReader, PoolFairnessService],
})
export class FairnessModule {}
