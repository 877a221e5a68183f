import { Injectable } from '@nestjs/common';
import type { ExchangeRate } from '@handoff/domain-quota';
import type { EntityManager } from 'typeorm';

/** Writes the exchange_rates table; QuotaBooks reads it. */
@Injectable()
export class ExchangeRatesStore {
  async replace(manager: EntityManager, rates: readonly ExchangeRate[]): Promise<void> {
    await manager.query(`DELETE FROM exchange_rates`);
    if (rates.length === 0) return;
    await manager.query(
      `INSERT INTO exchange_rates (from_currency, to_currency, rate, valid_from, valid_to)
       SELECT r.from_currency, r.to_currency, r.rate, r.valid_from, r.valid_to
         FROM jsonb_to_recordset($1::jsonb)
           AS r(from_currency char(3), to_currency char(3), rate numeric, valid_from date, valid_to date)`,
      [
        JSON.stringify(
          rates.map((rate) => ({
            from_currency: rate.from,
            to_currency: rate.to,
            rate: rate.rate,
            valid_from: rate.validFrom,
            valid_to: rate.validTo ?? null,
          })),
        ),
      ],
    );
  }
}
