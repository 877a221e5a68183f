import { Module } from '@nestjs/common';
import { BooksModule } from '../books/books.module';
import { ExchangeRatesController } from './exchange-rates.controller';
import { ExchangeRatesService } from './exchange-rates.service';
import { ExchangeRatesStore } from './exchange-rates.store';

/** The exchange-rate API: the table as JSON and as a CSV file. */
@Module({
  imports: [BooksModule],
  controllers: [ExchangeRatesController],
  providers: [ExchangeRatesService, ExchangeRatesStore],
})
export class RatesModule {}
