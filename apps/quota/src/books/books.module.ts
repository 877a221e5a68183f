import { Module } from '@nestjs/common';
import { QuotaChanges } from '../capacity/quota-changes';
import { ConfigWrites } from './config-writes';
import { QuotaBooks } from './quota-books.store';

/** What every quota module reads (the books), how configuration is written, and the signal of committed changes. */
@Module({ providers: [QuotaBooks, QuotaChanges, ConfigWrites], exports: [QuotaBooks, QuotaChanges, ConfigWrites] })
export class BooksModule {}
