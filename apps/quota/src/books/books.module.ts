import { Module } from '@nestjs/common';
import { QuotaChanges } from '../capacity/quota-changes';
import { QuotaBooks } from './quota-books.store';

/** What every quota module reads (the books) and the signal of committed configuration changes. */
@Module({ providers: [QuotaBooks, QuotaChanges], exports: [QuotaBooks, QuotaChanges] })
export class BooksModule {}
