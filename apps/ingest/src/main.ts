import { bootstrapService } from '@handoff/platform-runtime';
import { AppModule } from './app/app.module';

void bootstrapService(AppModule, 'ingest');
