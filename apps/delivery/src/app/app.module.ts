import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@handoff/platform-runtime';
import { DispatchModule } from '../dispatch/dispatch.module';
import { IntakeModule } from '../intake/intake.module';
import { LogModule } from '../log/log.module';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { DELIVERY_RUNTIME } from './delivery.runtime';

@Module({
  imports: [
    ServiceRuntimeModule.forRoot(DELIVERY_RUNTIME),
    SubscriptionsModule,
    DispatchModule,
    IntakeModule,
    LogModule,
  ],
})
export class AppModule {}
