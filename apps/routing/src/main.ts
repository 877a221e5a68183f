import { bootstrapService } from '@handoff/platform-runtime';
import { AppModule } from './app/app.module';
import { ROUTING_APP_OPTIONS } from './app/routing-app.options';

void bootstrapService(AppModule, 'routing', ROUTING_APP_OPTIONS);
