import { Injectable } from '@nestjs/common';
import type { Account } from '@handoff/domain-routing';
import { DataSource, type EntityManager } from 'typeorm';
import { chunksOf } from '../chunks-of';

/** Accounts written per statement (a CRM export may hold tens of thousands). */
const WRITE_CHUNK = 1000;

interface AccountRow {
  id: string;
  name: string;
  domains: string[];
  owner_rep_id: string | null;
  segment: string | null;
}

const SELECT_ACCOUNTS = `
  SELECT a.id, a.name, a.owner_rep_id, a.segment,
         ARRAY(SELECT d.domain FROM account_domains d WHERE d.account_id = a.id ORDER BY d.domain COLLATE "C") AS domains
  FROM accounts a`;

/** The accounts and account_domains tables. Methods given a manager run in the caller's transaction. */
@Injectable()
export class AccountsStore {
  constructor(private readonly dataSource: DataSource) {}

  async all(manager: EntityManager = this.dataSource.manager): Promise<Account[]> {
    const rows: AccountRow[] = await manager.query(`${SELECT_ACCOUNTS} ORDER BY a.id COLLATE "C"`);
    return rows.map(accountOf);
  }

  async find(manager: EntityManager, ids: readonly string[]): Promise<Account[]> {
    const rows: AccountRow[] = await manager.query(
      `${SELECT_ACCOUNTS} WHERE a.id = ANY($1::varchar[]) ORDER BY a.id COLLATE "C"`,
      [ids],
    );
    return rows.map(accountOf);
  }

  async one(manager: EntityManager, id: string): Promise<Account | undefined> {
    return (await this.find(manager, [id]))[0];
  }

  /** Which account owns each of `domains` that one owns. */
  async domainOwners(manager: EntityManager, domains: readonly string[]): Promise<Map<string, string>> {
    const rows: { domain: string; account_id: string }[] = await manager.query(
      `SELECT domain, account_id FROM account_domains WHERE domain = ANY($1::varchar[])`,
      [domains],
    );
    return new Map(rows.map((row) => [row.domain, row.account_id]));
  }

  /** Writes whole accounts (their domains replaced), creating those not stored yet; callers keep domains unique. */
  async save(manager: EntityManager, accounts: readonly Account[]): Promise<void> {
    for (const chunk of chunksOf(accounts, WRITE_CHUNK)) {
      const json = JSON.stringify(chunk);
      await manager.query(
        `INSERT INTO accounts (id, name, owner_rep_id, segment)
         SELECT id, name, "ownerRepId", segment
         FROM jsonb_to_recordset($1::jsonb) AS a(id text, name text, "ownerRepId" text, segment text)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, owner_rep_id = EXCLUDED.owner_rep_id,
           segment = EXCLUDED.segment, updated_at = now()`,
        [json],
      );
      // Every old domain goes before any new one arrives, so domains may move between accounts of one chunk.
      await manager.query(
        `DELETE FROM account_domains WHERE account_id IN (SELECT id FROM jsonb_to_recordset($1::jsonb) AS a(id text))`,
        [json],
      );
      await manager.query(
        `INSERT INTO account_domains (domain, account_id)
         SELECT unnest(a.domains), a.id FROM jsonb_to_recordset($1::jsonb) AS a(id text, domains text[])`,
        [json],
      );
    }
  }

  /** Answers whether there was such an account. */
  async delete(manager: EntityManager, id: string): Promise<boolean> {
    const [, removed]: [unknown, number] = await manager.query(`DELETE FROM accounts WHERE id = $1`, [id]);
    return removed > 0;
  }
}

function accountOf(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    domains: row.domains,
    ...(row.owner_rep_id === null ? {} : { ownerRepId: row.owner_rep_id }),
    ...(row.segment === null ? {} : { segment: row.segment }),
  };
}
