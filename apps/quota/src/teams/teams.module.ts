import { Module } from '@nestjs/common';
import { BooksModule } from '../books/books.module';
import { TeamHistoryController } from './team-history.controller';
import { TeamHistoryService } from './team-history.service';
import { TeamHistoryStore } from './team-history.store';

/** The team history API: each rep's memberships over time, and a team's members at an instant. */
@Module({
  imports: [BooksModule],
  controllers: [TeamHistoryController],
  providers: [TeamHistoryService, TeamHistoryStore],
})
export class TeamsModule {}
