import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import type { DeadLetterCount, DeadLetterPage, DeadLetterReplayResult } from '@handoff/console-api';
import { Audited } from '../audit/audited.decorator';
import { RequireRole } from '../auth/require-role.decorator';
import { DeadLetterTopicParam } from './dead-letter-topic.param';
import { DeadLetterPageQuery, DeadLetterReplayBody } from './dead-letters.dto';
import { DeadLettersService } from './dead-letters.service';

/** Dead letters: how many each topic holds, what they are, and (admins) replaying them to their topic. */
@Controller('api/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  counts(): Promise<DeadLetterCount[]> {
    return this.deadLetters.counts();
  }

  @Get(':topic')
  page(@DeadLetterTopicParam() topic: string, @Query() { limit }: DeadLetterPageQuery): Promise<DeadLetterPage> {
    return this.deadLetters.page(topic, limit);
  }

  @Post(':topic/replay')
  @HttpCode(200)
  @RequireRole('admin')
  @Audited('dead-letters.replay', 'topic')
  async replay(
    @DeadLetterTopicParam() topic: string,
    @Body() { positions }: DeadLetterReplayBody,
  ): Promise<DeadLetterReplayResult> {
    return { replayed: await this.deadLetters.replay(topic, positions) };
  }
}
