import { bootstrapService } from '@handoff/platform-runtime';
import { AppModule } from './app/app.module';
import { QUOTA_APP_OPTIONS } from './app/quota-app.options';

void bootstrapService(AppModule, 'quota', QUOTA_APP_OPTIONS);
