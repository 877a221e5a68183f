import { Module } from '@nestjs/common';
import { DeliveryQueueStore } from './delivery-queue.store';
import { DeliveryRetention } from './delivery-retention';
import { DeliveryMetrics } from './delivery.metrics';
import { Dispatcher } from './dispatcher.service';

/** The dispatcher, the queue it leases deliveries from, and the log's retention. */
@Module({
  providers: [Dispatcher, DeliveryQueueStore, DeliveryMetrics, DeliveryRetention],
  exports: [Dispatcher, DeliveryQueueStore],
})
export class DispatchModule {}
