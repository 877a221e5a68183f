import { DomainError, fieldIssuesOf } from '@handoff/shared-errors';
import type { DataSource, EntityManager } from 'typeorm';
import { quoteIdentifier } from './sql-identifier.util';

/** What checking a document as a client sent it answers: the document, or every problem as `path: reason`. */
export type DocumentValidation<T> = { ok: true; document: T } | { ok: false; issues: readonly string[] };

export interface VersionedDocumentsOptions<T> {
  /**
   * The table, in the service's schema: `version` (primary key), `definition` jsonb, `active` boolean, `created_at`,
   * `activated_at`, a partial unique index on `active WHERE active`, and the `columns` below.
   */
  table: string;
  /** How messages name one document: `scoring model`. */
  kind: string;
  /** The field a problem of the whole document is filed under in a 400 (`(model)`). */
  wholeDocumentField: string;
  /** Checks a document as a client sent it. */
  validate(json: unknown): DocumentValidation<T>;
  /** Reads a stored definition (valid when stored); throws if it no longer is. */
  parse(json: unknown): T;
  versionOf(document: T): string;
  /** Columns written beside the definition and read back in records, e.g. `{ model_id: (model) => model.id }`. */
  columns?: Record<string, (document: T) => string>;
}

/** One stored version without its definition. */
export interface VersionRecord {
  version: string;
  active: boolean;
  createdAt: Date;
  /** Last time it was activated. */
  activatedAt: Date | null;
  /** The values of the options' `columns`. */
  columns: Record<string, string>;
}

export interface StoredVersion<T> extends VersionRecord {
  document: T;
}

/** What a stored document must still satisfy to be activated (the records it names exist); throws to refuse. */
export type ActivationCheck<T> = (document: T, manager: EntityManager) => Promise<void>;

/**
 * Versioned configuration documents (scoring models, routing rules): immutable per version, at most one active,
 * activation serialised, rollback = activating an older version. Parsed documents are cached by version, safe
 * because a version's definition never changes; which version is active is read each time, so an activation on one
 * replica takes effect on every replica at its next read.
 */
export class VersionedDocuments<T> {
  private readonly parsed = new Map<string, T>();
  private readonly table: string;
  private readonly extraColumns: string[];

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: VersionedDocumentsOptions<T>,
  ) {
    this.table = quoteIdentifier(options.table);
    this.extraColumns = Object.keys(options.columns ?? {});
    this.extraColumns.forEach((column) => quoteIdentifier(column));
  }

  /** The active document as the caller's transaction sees it; undefined when none is active. */
  async active(manager: EntityManager = this.dataSource.manager): Promise<T | undefined> {
    const rows: Array<{ version: string }> = await manager.query(`SELECT version FROM ${this.table} WHERE active`);
    return rows.length === 0 ? undefined : this.document(manager, rows[0].version);
  }

  /** Every stored version, oldest first. */
  async list(): Promise<VersionRecord[]> {
    const rows: RecordRow[] = await this.dataSource.query(`${this.selectRecords()} ORDER BY created_at, version`);
    return rows.map((row) => this.recordOf(row));
  }

  /** One stored version with its document; 404 when no version has this name. */
  async get(version: string): Promise<StoredVersion<T>> {
    const rows: RecordRow[] = await this.dataSource.query(`${this.selectRecords()} WHERE version = $1`, [version]);
    if (rows.length === 0) throw this.notFound(version);
    return { ...this.recordOf(rows[0]), document: await this.document(this.dataSource.manager, version) };
  }

  /**
   * Validates and stores a new version, inactive. A 400 lists every problem, the document's own and `moreIssues`
   * (`path: reason`, found by the caller); a 409 when the version exists.
   */
  async create(json: unknown, moreIssues: readonly string[] = []): Promise<StoredVersion<T>> {
    const validation = this.options.validate(json);
    const issues = [...(validation.ok ? [] : validation.issues), ...moreIssues];
    if (!validation.ok || issues.length > 0) throw this.invalid(issues);
    const version = this.options.versionOf(validation.document);
    if (!(await this.insert(validation.document))) {
      throw new DomainError('conflict', `a ${this.options.kind} with version ${JSON.stringify(version)} exists`);
    }
    return this.get(version);
  }

  /** Stores a version, inactive, without checks (a shipped default); false when that version exists already. */
  async insert(document: T, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const columns = ['version', 'definition', ...this.extraColumns];
    const values = [
      this.options.versionOf(document),
      JSON.stringify(document),
      ...this.extraColumns.map((column) => this.options.columns?.[column](document)),
    ];
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${this.table} (${columns.map((column) => quoteIdentifier(column)).join(', ')})
       VALUES (${values.map((_, index) => `$${index + 1}`).join(', ')})
       ON CONFLICT (version) DO NOTHING RETURNING version`,
      values,
    );
    return rows.length === 1;
  }

  /**
   * Makes `version` the one active document (activating an older one is the rollback); `check` runs first, in the
   * same transaction, and may refuse by throwing. 404 when no version has this name.
   */
  async activate(version: string, check?: ActivationCheck<T>): Promise<StoredVersion<T>> {
    await this.dataSource.transaction(async (manager) => {
      // Locking every row serialises concurrent activations, so the second sees the first one's result.
      const rows: Array<{ version: string }> = await manager.query(
        `SELECT version FROM ${this.table} ORDER BY version FOR UPDATE`,
      );
      if (!rows.some((row) => row.version === version)) throw this.notFound(version);
      await check?.(await this.document(manager, version), manager);
      await this.setActive(manager, version);
    });
    return this.get(version);
  }

  /** Stores and activates `document` unless some version is active already; safe for replicas booting together. */
  async activateIfNoneActive(document: T): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      // Blocks other writers (not readers) until commit, so the default is stored and activated once.
      await manager.query(`LOCK TABLE ${this.table} IN SHARE ROW EXCLUSIVE MODE`);
      if ((await this.active(manager)) !== undefined) return false;
      await this.insert(document, manager);
      await this.setActive(manager, this.options.versionOf(document));
      return true;
    });
  }

  private async setActive(manager: EntityManager, version: string): Promise<void> {
    await manager.query(`UPDATE ${this.table} SET active = false WHERE active AND version <> $1`, [version]);
    await manager.query(
      `UPDATE ${this.table} SET active = true, activated_at = now() WHERE version = $1 AND NOT active`,
      [version],
    );
  }

  private async document(manager: EntityManager, version: string): Promise<T> {
    const cached = this.parsed.get(version);
    if (cached) return cached;
    const rows: Array<{ definition: unknown }> = await manager.query(
      `SELECT definition FROM ${this.table} WHERE version = $1`,
      [version],
    );
    const document = this.options.parse(rows[0].definition);
    this.parsed.set(version, document);
    return document;
  }

  private selectRecords(): string {
    const extra = this.extraColumns.map((column) => `, ${quoteIdentifier(column)}`).join('');
    return `SELECT version, active, created_at, activated_at${extra} FROM ${this.table}`;
  }

  private recordOf(row: RecordRow): VersionRecord {
    return {
      version: row.version,
      active: row.active,
      createdAt: row.created_at,
      activatedAt: row.activated_at,
      columns: Object.fromEntries(this.extraColumns.map((column) => [column, String(row[column])])),
    };
  }

  private notFound(version: string): DomainError {
    return new DomainError('not-found', `no ${this.options.kind} with version ${JSON.stringify(version)}`);
  }

  private invalid(issues: readonly string[]): DomainError {
    return new DomainError('invalid', `${this.options.kind} is invalid`, {
      details: fieldIssuesOf(issues, this.options.wholeDocumentField),
    });
  }
}

interface RecordRow extends Record<string, unknown> {
  version: string;
  active: boolean;
  created_at: Date;
  activated_at: Date | null;
}
