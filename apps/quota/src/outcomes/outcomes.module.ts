import { Module } from '@nestjs/common';
import { Inbox, Outbox } from '@handoff/platform-database';
import { ChunkTransaction } from '@handoff/platform-kafka';
import { AttainmentModule } from '../attainment/attainment.module';
import { BooksModule } from '../books/books.module';
import { CapacityPublisher } from '../capacity/capacity-publisher';
import { CapacityRefresher } from '../capacity/capacity-refresher.service';
import { DealBook } from './deal-book';
import { DealLedger } from './deal-ledger.store';
import { QuotaBatch } from './quota-batch.service';
import { QuotaConsumer } from './quota.consumer';
import { WorkloadStore } from './workload.store';

/**
 * Outcomes in, capacity out: sales and CRM outcomes become deal facts and contributions, routed leads become
 * workload, and every rep whose figures move gets a rep.capacity.v1 through the outbox.
 */
@Module({
  imports: [BooksModule, AttainmentModule],
  providers: [
    QuotaConsumer,
    QuotaBatch,
    DealBook,
    DealLedger,
    WorkloadStore,
    CapacityPublisher,
    CapacityRefresher,
    ChunkTransaction,
    Inbox,
    Outbox,
  ],
})
export class OutcomesModule {}
