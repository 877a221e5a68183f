import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiErrorResponses, UuidParam } from '@handoff/platform-runtime';
import { DomainError } from '@handoff/shared-errors';
import { DeliveryQueueStore } from '../dispatch/delivery-queue.store';
import { Dispatcher } from '../dispatch/dispatcher.service';
import { SubscriptionsStore } from '../subscriptions/subscriptions.store';
import { DeliveryDto, DeliveryListQueryDto, DeliveryWithAttemptsDto } from './delivery.dto';
import { DeliveryLogStore } from './delivery-log.store';

const DEFAULT_LIMIT = 100;

/** The delivery log (every attempt of every delivery) and replay of dead deliveries. */
@ApiTags('deliveries')
@AdminOnly()
@Controller()
export class DeliveriesController {
  constructor(
    private readonly log: DeliveryLogStore,
    private readonly queue: DeliveryQueueStore,
    private readonly subscriptions: SubscriptionsStore,
    private readonly dispatcher: Dispatcher,
  ) {}

  @Get('subscriptions/:id/deliveries')
  @ApiOperation({ summary: 'A subscription’s deliveries, most recent first' })
  @ApiOkResponse({ type: [DeliveryDto] })
  @ApiErrorResponses({ 400: 'The id is not a UUID', 404: 'No such subscription' })
  async ofSubscription(
    @UuidParam('id', 'subscription id') id: string,
    @Query() query: DeliveryListQueryDto,
  ): Promise<DeliveryDto[]> {
    if (!(await this.subscriptions.find(id))) throw new DomainError('not-found', 'no such subscription');
    return this.log.ofSubscription(id, query.limit ?? DEFAULT_LIMIT, query.status);
  }

  @Get('leads/:leadId/deliveries')
  @ApiOperation({ summary: 'A lead’s deliveries to every subscription, most recent first' })
  @ApiOkResponse({ type: [DeliveryDto] })
  @ApiErrorResponses({ 400: 'The lead id is not a UUID' })
  ofLead(@UuidParam('leadId', 'lead id') leadId: string, @Query() query: DeliveryListQueryDto): Promise<DeliveryDto[]> {
    return this.log.ofLead(leadId, query.limit ?? DEFAULT_LIMIT, query.status);
  }

  @Get('deliveries/:id')
  @ApiOperation({ summary: 'One delivery with every attempt' })
  @ApiOkResponse({ type: DeliveryWithAttemptsDto })
  @ApiErrorResponses({ 400: 'The id is not a UUID', 404: 'No such delivery' })
  async one(@UuidParam('id', 'delivery id') id: string): Promise<DeliveryWithAttemptsDto> {
    const delivery = await this.log.one(id);
    if (!delivery) throw new DomainError('not-found', 'no such delivery');
    return delivery;
  }

  @Post('deliveries/:id/replay')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Re-queue a dead delivery',
    description: 'It goes back to the head of its queue with a fresh retry schedule and the same webhook-id.',
  })
  @ApiAcceptedResponse({ type: DeliveryWithAttemptsDto })
  @ApiErrorResponses({ 400: 'The id is not a UUID', 404: 'No such delivery', 409: 'The delivery is not dead' })
  async replay(@UuidParam('id', 'delivery id') id: string): Promise<DeliveryWithAttemptsDto> {
    if (!(await this.queue.replay(id))) {
      if (!(await this.log.one(id))) throw new DomainError('not-found', 'no such delivery');
      throw new DomainError('conflict', 'only a dead delivery can be replayed');
    }
    this.dispatcher.runSoon();
    return (await this.log.one(id)) as DeliveryWithAttemptsDto;
  }
}
