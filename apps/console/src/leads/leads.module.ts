import { Module } from '@nestjs/common';
import { LeadsController } from './leads.controller';
import { LeadSearchService } from './lead-search.service';

@Module({ controllers: [LeadsController], providers: [LeadSearchService] })
export class LeadsModule {}
