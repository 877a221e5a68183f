import { Injectable } from '@nestjs/common';
import type { FieldIssue } from '@handoff/contracts';
import type { Account } from '@handoff/domain-routing';
import { DomainError } from '@handoff/shared-errors';
import { DataSource, type EntityManager } from 'typeorm';
import { found, invalid, notFound, pathIdIssue, unknownIdsIssue } from '../directory-errors';
import { DirectoryWrites } from '../directory-writes';
import { existingIds } from '../existing-ids';
import { ACCOUNT_CSV_FORMAT } from './account-csv.format';
import { type AccountBodyDto, accountOf } from './account.dto';
import { AccountsStore } from './accounts.store';
import { DomainClaims } from './domain-claims';
import {
  type CsvImportResult,
  type CsvRowResult,
  rejectedRow,
  summarise,
  type CsvRow,
  readRows,
  parseCsvTable,
  writeRows,
  type Written,
} from '@handoff/platform-runtime';

/** What the directory knows when it checks account writes: which reps exist and who owns each domain. */
interface AccountChecks {
  reps: ReadonlySet<string>;
  claims: DomainClaims;
}

/** Accounts: written whole (by id, or a CSV file of them), read and deleted. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: DirectoryWrites,
    private readonly accounts: AccountsStore,
  ) {}

  list(): Promise<Account[]> {
    return this.accounts.all();
  }

  async get(id: string): Promise<Account> {
    return found(await this.accounts.one(this.dataSource.manager, id), 'account', id);
  }

  /** Creates or replaces the account; answers whether it was new. */
  put(id: string, body: AccountBodyDto): Promise<Written<Account>> {
    return this.writes.run(async (manager) => {
      const row = { row: 0, id, body };
      const checks = await this.checksFor(manager, [row]);
      const account = accountOf(id, body);
      const issues = [...pathIdIssue(id, body.id), ...ownerIssues(account, checks)];
      if (issues.length > 0) throw invalid('account', issues);
      const domainIssues = checks.claims.issues(id, account.domains);
      if (domainIssues.length > 0) {
        throw new DomainError('conflict', 'a domain belongs to another account', { details: domainIssues });
      }
      const created = (await this.accounts.one(manager, id)) === undefined;
      await this.accounts.save(manager, [account]);
      return { record: found(await this.accounts.one(manager, id), 'account', id), created };
    });
  }

  delete(id: string): Promise<void> {
    return this.writes.run(async (manager) => {
      if (!(await this.accounts.delete(manager, id))) throw notFound('account', id);
    });
  }

  async exportCsv(): Promise<string> {
    const accounts = await this.accounts.all();
    return writeRows(ACCOUNT_CSV_FORMAT, accounts);
  }

  /**
   * Writes every valid row in one transaction and reports every other one. A row is checked as if the rows
   * before it were applied: its own rules, then that its owner exists and no other account owns its domains.
   */
  async importCsv(text: unknown): Promise<CsvImportResult> {
    const table = parseCsvTable(text, ACCOUNT_CSV_FORMAT.subject, ACCOUNT_CSV_FORMAT.columns);
    const { rows, rejected } = readRows(table, ACCOUNT_CSV_FORMAT);
    const results = await this.writes.run(async (manager) => {
      const checks = await this.checksFor(manager, rows);
      const outcomes: CsvRowResult[] = [];
      const accepted: Account[] = [];
      for (const { row, id, body } of rows) {
        const account = accountOf(id, body);
        const issues = [...ownerIssues(account, checks), ...checks.claims.issues(id, account.domains)];
        if (issues.length > 0) {
          outcomes.push(rejectedRow(row, id, issues));
          continue;
        }
        checks.claims.claim(id, account.domains);
        accepted.push(account);
        outcomes.push({ row, id, status: 'imported' });
      }
      await this.accounts.save(manager, accepted);
      return outcomes;
    });
    return summarise([...rejected, ...results]);
  }

  private async checksFor(manager: EntityManager, rows: readonly CsvRow<AccountBodyDto>[]): Promise<AccountChecks> {
    const owners = [...new Set(rows.flatMap(({ body }) => (body.ownerRepId ? [body.ownerRepId] : [])))];
    const domains = [...new Set(rows.flatMap(({ body }) => body.domains ?? []))];
    return {
      reps: await existingIds(manager, 'reps', owners),
      claims: new DomainClaims(await this.accounts.domainOwners(manager, domains)),
    };
  }
}

function ownerIssues(account: Account, checks: AccountChecks): FieldIssue[] {
  return unknownIdsIssue('ownerRepId', 'rep', account.ownerRepId ? [account.ownerRepId] : [], checks.reps);
}
