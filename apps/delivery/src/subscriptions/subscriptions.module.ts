import { Module } from '@nestjs/common';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsService } from './subscriptions.service';
import { SubscriptionsStore } from './subscriptions.store';

/** The subscription admin API and the store the consumer and dispatcher read subscriptions through. */
@Module({
  controllers: [SubscriptionsController],
  providers: [SubscriptionsService, SubscriptionsStore],
  exports: [SubscriptionsStore],
})
export class SubscriptionsModule {}
