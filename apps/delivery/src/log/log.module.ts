import { Module } from '@nestjs/common';
import { DispatchModule } from '../dispatch/dispatch.module';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { DeliveriesController } from './deliveries.controller';
import { DeliveryLogStore } from './delivery-log.store';

/** The delivery log API and replay. */
@Module({
  imports: [DispatchModule, SubscriptionsModule],
  controllers: [DeliveriesController],
  providers: [DeliveryLogStore],
})
export class LogModule {}
