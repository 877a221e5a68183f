import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The built-in source of engagement.inbound.v1 records that name none (INGEST_INBOUND_DEFAULT_SOURCE_ID). */
export const KAFKA_INBOUND_SOURCE_ID = '6b61666b-6100-4000-8000-000000000001';

/**
 * Registers the built-in "Kafka inbound" source, so records without a sourceId are attributed to a source an
 * operator can see and revoke like any other (revoked, such records are dead-lettered). Its write-key hash is of
 * a random value nobody holds: it cannot authenticate HTTP requests until an operator rotates its key.
 */
export class KafkaInboundSource1764600000000 implements MigrationInterface {
  readonly name = 'KafkaInboundSource1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO "sources" ("id", "name", "write_key_hash", "key_prefix", "require_signature", "status")
       VALUES ($1, 'Kafka inbound (records without sourceId)', encode(sha256(gen_random_uuid()::text::bytea), 'hex'),
               'none', false, 'active')
       ON CONFLICT ("id") DO NOTHING`,
      [KAFKA_INBOUND_SOURCE_ID],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "sources" WHERE "id" = $1`, [KAFKA_INBOUND_SOURCE_ID]);
  }
}
