import { Module } from '@nestjs/common';
import { Inbox, Outbox } from '@handoff/platform-database';
import { ChunkTransaction } from '@handoff/platform-kafka';
import { DispatchModule } from '../dispatch/dispatch.module';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { DeliveryIntake } from './delivery-intake';
import { DeliveryConsumer } from './delivery.consumer';

/** Events in, queued deliveries out (no HTTP: the dispatcher sends). */
@Module({
  imports: [SubscriptionsModule, DispatchModule],
  providers: [DeliveryConsumer, DeliveryIntake, ChunkTransaction, Inbox, Outbox],
})
export class IntakeModule {}
