import { Module } from '@nestjs/common';
import { BooksModule } from '../books/books.module';
import { RepLimitsController } from './rep-limits.controller';
import { RepLimitsService } from './rep-limits.service';
import { RepLimitsStore } from './rep-limits.store';

/** The lead limit API: each rep's open-lead limit, or the service default. */
@Module({
  imports: [BooksModule],
  controllers: [RepLimitsController],
  providers: [RepLimitsService, RepLimitsStore],
})
export class LimitsModule {}
