import { bootstrapService } from '@handoff/platform-runtime';
import { AppModule } from './app/app.module';
import { SCORING_APP_OPTIONS } from './app/scoring-app.options';

void bootstrapService(AppModule, 'scoring', SCORING_APP_OPTIONS);
