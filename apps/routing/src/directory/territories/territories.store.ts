import { Injectable } from '@nestjs/common';
import type { Territory } from '@handoff/domain-routing';
import { DataSource, type EntityManager } from 'typeorm';

const SELECT_TERRITORIES = `SELECT id, name, countries, regions, postal_prefixes AS "postalPrefixes" FROM territories`;

/** The territories table. Methods given a manager run in the caller's transaction. */
@Injectable()
export class TerritoriesStore {
  constructor(private readonly dataSource: DataSource) {}

  all(manager: EntityManager = this.dataSource.manager): Promise<Territory[]> {
    return manager.query(`${SELECT_TERRITORIES} ORDER BY id COLLATE "C"`);
  }

  async one(manager: EntityManager, id: string): Promise<Territory | undefined> {
    const rows: Territory[] = await manager.query(`${SELECT_TERRITORIES} WHERE id = $1`, [id]);
    return rows[0];
  }

  async save(manager: EntityManager, territory: Territory): Promise<void> {
    await manager.query(
      `INSERT INTO territories (id, name, countries, regions, postal_prefixes) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, countries = EXCLUDED.countries,
         regions = EXCLUDED.regions, postal_prefixes = EXCLUDED.postal_prefixes, updated_at = now()`,
      [territory.id, territory.name, territory.countries, territory.regions, territory.postalPrefixes],
    );
  }

  /** Answers whether there was such a territory. */
  async delete(manager: EntityManager, id: string): Promise<boolean> {
    const [, removed]: [unknown, number] = await manager.query(`DELETE FROM territories WHERE id = $1`, [id]);
    return removed > 0;
  }
}
