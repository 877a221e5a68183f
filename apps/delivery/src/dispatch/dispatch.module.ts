import { Module } from '@nestjs/common';
import { DeliveryQueueStore } from './delivery-queue.store';
import { Dispatcher } from './dispatcher.service';
import { DeliveryMetrics } from './delivery.metrics';

/** The dispatcher and the queue it leases deliveries from. */
@Module({
  providers: [Dispatcher, DeliveryQueueStore, DeliveryMetrics],
  exports: [Dispatcher, DeliveryQueueStore],
})
export class DispatchModule {}
