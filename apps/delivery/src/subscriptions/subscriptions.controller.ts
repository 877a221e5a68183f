import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiErrorResponses, UuidParam } from '@handoff/platform-runtime';
import {
  CreateSubscriptionDto,
  SubscriptionDto,
  SubscriptionWithSecretDto,
  UpdateSubscriptionDto,
} from './subscription.dto';
import { SubscriptionsService } from './subscriptions.service';

/** Webhook subscriptions (README "Webhooks"). */
@ApiTags('subscriptions')
@AdminOnly()
@Controller('subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post()
  @ApiOperation({ summary: 'Subscribe an endpoint', description: 'The answer holds the signing secret, shown once.' })
  @ApiCreatedResponse({ type: SubscriptionWithSecretDto })
  @ApiErrorResponses({ 400: 'A field is invalid, or the URL is not allowed (scheme or resolved address)' })
  create(@Body() body: CreateSubscriptionDto): Promise<SubscriptionWithSecretDto> {
    return this.subscriptions.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'Every subscription' })
  @ApiOkResponse({ type: [SubscriptionDto] })
  list(): Promise<SubscriptionDto[]> {
    return this.subscriptions.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One subscription' })
  @ApiOkResponse({ type: SubscriptionDto })
  @ApiErrorResponses({ 400: 'The id is not a UUID', 404: 'No such subscription' })
  get(@UuidParam('id', 'subscription id') id: string): Promise<SubscriptionDto> {
    return this.subscriptions.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a subscription', description: 'status active also closes an open circuit.' })
  @ApiOkResponse({ type: SubscriptionDto })
  @ApiErrorResponses({ 400: 'A field is invalid', 404: 'No such subscription' })
  update(
    @UuidParam('id', 'subscription id') id: string,
    @Body() body: UpdateSubscriptionDto,
  ): Promise<SubscriptionDto> {
    return this.subscriptions.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a subscription with its queue and log' })
  @ApiNoContentResponse()
  @ApiErrorResponses({ 400: 'The id is not a UUID', 404: 'No such subscription' })
  delete(@UuidParam('id', 'subscription id') id: string): Promise<void> {
    return this.subscriptions.delete(id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rotate the signing secret',
    description: 'Answers the new secret once; the previous one also signs for DELIVERY_SECRET_OVERLAP_MS.',
  })
  @ApiOkResponse({ type: SubscriptionWithSecretDto })
  @ApiErrorResponses({ 400: 'The id is not a UUID', 404: 'No such subscription' })
  rotateSecret(@UuidParam('id', 'subscription id') id: string): Promise<SubscriptionWithSecretDto> {
    return this.subscriptions.rotateSecret(id);
  }
}
