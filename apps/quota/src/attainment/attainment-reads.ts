import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { QuotaConfig } from '../app/quota.config';
import { QuotaBooks, type StoredPeriod } from '../books/quota-books.store';
import type { FiguresContext } from './quota-figures';
import { requestedPeriod } from './requested-period';

/** What every attainment read starts from: one consistent snapshot, the period asked about, the rates and the zone. */
@Injectable()
export class AttainmentReads {
  constructor(
    private readonly dataSource: DataSource,
    private readonly books: QuotaBooks,
    private readonly config: QuotaConfig,
  ) {}

  /** Runs the read in one snapshot, so figures and the counts beside them agree, at one `now`. */
  snapshot<T>(read: (manager: EntityManager, now: string) => Promise<T>): Promise<T> {
    const now = new Date().toISOString();
    return this.dataSource.transaction('REPEATABLE READ', (manager) => read(manager, now));
  }

  /** The period `id` (given in `field`) names, or the default one holding now. */
  async period(manager: EntityManager, id: string | undefined, field: string, now: string): Promise<StoredPeriod> {
    const stored = id === undefined ? undefined : await this.books.period(id, manager);
    return requestedPeriod({
      id,
      field,
      stored,
      calendar: this.config.fiscalCalendar,
      defaultKind: this.config.QUOTA_CAPACITY_PERIOD,
      now,
    });
  }

  async figuresContext(manager: EntityManager, now: string): Promise<FiguresContext> {
    return { rates: await this.books.rates(manager), now, timeZone: this.config.QUOTA_TIME_ZONE };
  }
}
