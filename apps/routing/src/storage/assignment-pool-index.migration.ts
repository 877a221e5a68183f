import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The fairness report reads a pool's assignments over a window. */
export class AssignmentPoolIndex1765200000000 implements MigrationInterface {
  readonly name = 'AssignmentPoolIndex1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_assignments_pool_time" ON "assignments" ("pool_id", "assigned_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_assignments_pool_time"`);
  }
}
