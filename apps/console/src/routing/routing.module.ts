import { Module } from '@nestjs/common';
import { RepsController } from './reps.controller';
import { RoutingController } from './routing.controller';

@Module({ controllers: [RoutingController, RepsController] })
export class RoutingModule {}
