import { Injectable } from '@nestjs/common';
import type { FieldIssue } from '@handoff/contracts';
import type { RepProfile } from '@handoff/domain-routing';
import { DataSource, type EntityManager } from 'typeorm';
import type { DirectoryChange } from '../directory-changes';
import { found, invalid, pathIdIssue, unknownIdsIssue } from '../directory-errors';
import { DirectoryWrites } from '../directory-writes';
import { existingIds } from '../existing-ids';
import { REP_CSV_FORMAT } from './rep-csv.format';
import type { RepBodyDto } from './rep.dto';
import { repProfileOf } from './rep-profile';
import { RepsStore } from './reps.store';
import {
  type CsvImportResult,
  type CsvRowResult,
  rejectedRow,
  summarise,
  readRows,
  parseCsvTable,
  writeRows,
  type Written,
} from '@handoff/platform-runtime';

type Announce = (change: DirectoryChange) => void;

/** Reps: written whole (by id, or a CSV file of them), read, deactivated; never deleted, as assignments name them. */
@Injectable()
export class RepsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: DirectoryWrites,
    private readonly reps: RepsStore,
  ) {}

  list(): Promise<RepProfile[]> {
    return this.reps.all();
  }

  async get(id: string): Promise<RepProfile> {
    return this.existing(this.dataSource.manager, id);
  }

  /** Creates or replaces the rep (see RepBodyDto for what an absent field keeps); answers whether it was new. */
  put(id: string, body: RepBodyDto): Promise<Written<RepProfile>> {
    return this.writes.run(async (manager, announce) => {
      const current = await this.reps.one(manager, id);
      const teams = await existingIds(manager, 'teams', body.teamIds ?? []);
      const issues = [...pathIdIssue(id, body.id), ...teamIssues(body, teams)];
      if (issues.length > 0) throw invalid('rep', issues);
      await this.write(manager, [repProfileOf(id, body, current)], new Map(current ? [[id, current]] : []), announce);
      return { record: await this.existing(manager, id), created: current === undefined };
    });
  }

  /** Takes the rep out of routing for good (until it is written active again); its history keeps naming it. */
  deactivate(id: string): Promise<RepProfile> {
    return this.writes.run(async (manager) => {
      await this.existing(manager, id);
      await this.reps.setActive(manager, id, false);
      return this.existing(manager, id);
    });
  }

  async exportCsv(): Promise<string> {
    const reps = await this.reps.all();
    return writeRows(REP_CSV_FORMAT, reps);
  }

  /**
   * Writes every valid row in one transaction and reports every other one. A row is checked as if the rows
   * before it were applied: its own rules, then that its teams exist.
   */
  async importCsv(text: unknown): Promise<CsvImportResult> {
    const table = parseCsvTable(text, REP_CSV_FORMAT.subject, REP_CSV_FORMAT.columns);
    const { rows, rejected } = readRows(table, REP_CSV_FORMAT);
    const results = await this.writes.run(async (manager, announce) => {
      const teams = await existingIds(manager, 'teams', [...new Set(rows.flatMap((row) => row.body.teamIds ?? []))]);
      const current = new Map(
        (
          await this.reps.find(
            manager,
            rows.map((row) => row.id),
          )
        ).map((rep) => [rep.id, rep]),
      );
      const outcomes: CsvRowResult[] = [];
      const accepted: RepProfile[] = [];
      for (const { row, id, body } of rows) {
        const issues = teamIssues(body, teams);
        if (issues.length > 0) {
          outcomes.push(rejectedRow(row, id, issues));
          continue;
        }
        accepted.push(repProfileOf(id, body, current.get(id)));
        outcomes.push({ row, id, status: 'imported' });
      }
      await this.write(manager, accepted, current, announce);
      return outcomes;
    });
    return summarise([...rejected, ...results]);
  }

  private async write(
    manager: EntityManager,
    reps: RepProfile[],
    current: ReadonlyMap<string, RepProfile>,
    announce: Announce,
  ): Promise<void> {
    await this.reps.save(manager, reps);
    for (const rep of reps.filter((written) => written.active)) {
      announce({ kind: 'rep', repId: rep.id, cause: current.get(rep.id)?.active ? 'updated' : 'activated' });
    }
  }

  private async existing(manager: EntityManager, id: string): Promise<RepProfile> {
    return found(await this.reps.one(manager, id), 'rep', id);
  }
}

function teamIssues(body: RepBodyDto, teams: ReadonlySet<string>): FieldIssue[] {
  return unknownIdsIssue('teamIds', 'team', body.teamIds ?? [], teams);
}
