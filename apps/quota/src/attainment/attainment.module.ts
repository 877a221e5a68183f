import { Module } from '@nestjs/common';
import { BooksModule } from '../books/books.module';
import { CapacityCalculator } from '../capacity/capacity-calculator';
import { AttainmentController } from './attainment.controller';
import { AttainmentReads } from './attainment-reads';
import { LeaderboardController } from './leaderboard.controller';
import { LeaderboardService } from './leaderboard.service';
import { PeriodSummaryController } from './period-summary.controller';
import { PeriodSummaryService } from './period-summary.service';
import { RepAttainmentService } from './rep-attainment.service';

/** The read side: a rep's attainment, a team's leaderboard, a period's summary, and reps' capacity figures. */
@Module({
  imports: [BooksModule],
  controllers: [AttainmentController, LeaderboardController, PeriodSummaryController],
  providers: [AttainmentReads, RepAttainmentService, LeaderboardService, PeriodSummaryService, CapacityCalculator],
  exports: [CapacityCalculator],
})
export class AttainmentModule {}
