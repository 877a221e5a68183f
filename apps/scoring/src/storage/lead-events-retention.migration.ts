import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lets history retention find old recorded inputs without scanning: `applied_at` grows with the table's
 * physical order (rows are appended), so a BRIN index answers range queries and costs almost nothing per insert.
 */
export class LeadEventsRetention1764600000000 implements MigrationInterface {
  readonly name = 'LeadEventsRetention1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_lead_events_applied_at" ON "lead_events" USING brin ("applied_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_lead_events_applied_at"`);
  }
}
