import { Body, Controller, Delete, Get, Post, Put, Query, Res, UseFilters } from '@nestjs/common';
import { IdParam } from '@handoff/platform-runtime';
import type { Response } from 'express';
import { Audited } from '../audit/audited.decorator';
import { RequireRole } from '../auth/require-role.decorator';
import { RoutingClient, sendAnswer, type ServiceBody, ServiceCallErrorFilter, servicePath } from '../upstream';
import { PauseBody, PeriodBody, PeriodQuery } from './routing.dto';

/** Routing's reps: read them, and (admins) change working hours, weights, out-of-office periods and pauses. */
@UseFilters(ServiceCallErrorFilter)
@Controller('api/routing/reps')
export class RepsController {
  constructor(private readonly routing: RoutingClient) {}

  @Get()
  list(): Promise<unknown> {
    return this.routing.get('/reps');
  }

  @Get(':id')
  get(@IdParam() id: string): Promise<unknown> {
    return this.routing.get(servicePath`/reps/${id}`);
  }

  /** The whole rep, as routing's `PUT /reps/:id` takes it; routing names every invalid field. */
  @Put(':id')
  @RequireRole('admin')
  @Audited('rep.update', 'id')
  async update(@IdParam() id: string, @Body() body: ServiceBody, @Res() response: Response): Promise<void> {
    sendAnswer(response, await this.routing.call('PUT', servicePath`/reps/${id}`, { body }));
  }

  @Post(':id/out-of-office')
  @RequireRole('admin')
  @Audited('rep.out-of-office.set', 'id')
  async setOutOfOffice(@IdParam() id: string, @Body() body: PeriodBody, @Res() response: Response): Promise<void> {
    sendAnswer(response, await this.routing.call('POST', servicePath`/reps/${id}/out-of-office`, { body }));
  }

  @Delete(':id/out-of-office')
  @RequireRole('admin')
  @Audited('rep.out-of-office.clear', 'id')
  async clearOutOfOffice(
    @IdParam() id: string,
    @Query() { from, to }: PeriodQuery,
    @Res() response: Response,
  ): Promise<void> {
    const path = servicePath`/reps/${id}/out-of-office`;
    sendAnswer(response, await this.routing.call('DELETE', path, { query: { from, to } }));
  }

  @Post(':id/pause')
  @RequireRole('admin')
  @Audited('rep.pause.set', 'id')
  async pause(@IdParam() id: string, @Body() body: PauseBody, @Res() response: Response): Promise<void> {
    sendAnswer(response, await this.routing.call('POST', servicePath`/reps/${id}/pause`, { body }));
  }

  @Delete(':id/pause')
  @RequireRole('admin')
  @Audited('rep.pause.clear', 'id')
  async resume(@IdParam() id: string, @Res() response: Response): Promise<void> {
    sendAnswer(response, await this.routing.call('DELETE', servicePath`/reps/${id}/pause`));
  }
}
