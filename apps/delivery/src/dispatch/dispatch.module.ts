import { Module } from '@nestjs/common';
import { DeliveryQueueStore } from './delivery-queue.store';
import { Dispatcher } from './dispatcher.service';

/** The dispatcher and the queue it leases deliveries from. */
@Module({
  providers: [Dispatcher, DeliveryQueueStore],
  exports: [Dispatcher, DeliveryQueueStore],
})
export class DispatchModule {}
