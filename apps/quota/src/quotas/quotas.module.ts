import { Module } from '@nestjs/common';
import { BooksModule } from '../books/books.module';
import { QuotasController } from './quotas.controller';
import { QuotasCsvController } from './quotas-csv.controller';
import { QuotasService } from './quotas.service';
import { QuotasStore } from './quotas.store';

/** The quotas API: quotas by id and as a CSV file. */
@Module({
  imports: [BooksModule],
  controllers: [QuotasCsvController, QuotasController],
  providers: [QuotasService, QuotasStore],
})
export class QuotasModule {}
