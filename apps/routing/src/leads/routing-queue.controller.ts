import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, RequireToken } from '@handoff/platform-runtime';
import { DEFAULT_QUEUE_PAGE, RoutingQueueDto, RoutingQueueQuery } from './routing-queue.dto';
import { RoutingQueueReader } from './routing-queue.reader';

/** The qualified leads no rep could take yet (the rerouter tries them again). */
@ApiTags('lead routing')
@Controller('routing/queue')
export class RoutingQueueController {
  constructor(private readonly queue: RoutingQueueReader) {}

  @Get()
  @RequireToken('read', 'admin')
  @ApiOperation({ summary: 'The leads waiting for a rep, longest first, with the pool and why nobody was chosen' })
  @ApiOkResponse({ type: RoutingQueueDto })
  @ApiErrorResponses({ 400: 'limit is not an integer from 1 to 200' })
  waiting(@Query() query: RoutingQueueQuery): Promise<RoutingQueueDto> {
    return this.queue.waiting(query.limit ?? DEFAULT_QUEUE_PAGE);
  }
}
