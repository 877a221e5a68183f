import { bootstrapService } from '@handoff/platform-runtime';
import { AppModule } from './app/app.module';
import { INGEST_APP_OPTIONS } from './app/ingest-app.options';

void bootstrapService(AppModule, 'ingest', INGEST_APP_OPTIONS);
