import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook subscriptions, the durable per-endpoint queue of deliveries (one row per subscription and event, its id
 * the `webhook-id`) and every attempt made. `seq` orders a (subscription, lead) queue; `lease_until` marks a
 * delivery a dispatcher replica is sending, so the others skip it without holding a transaction over HTTP.
 */
export class DeliveryTables1765400000000 implements MigrationInterface {
  readonly name = 'DeliveryTables1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "subscriptions" (
        "id" uuid NOT NULL,
        "url" varchar(2048) NOT NULL,
        "event_types" text[] NOT NULL,
        "filters" jsonb NOT NULL DEFAULT '{}',
        "secret" varchar(256) NOT NULL,
        "previous_secret" varchar(256),
        "previous_secret_until" timestamptz,
        "status" varchar(16) NOT NULL,
        "include_contact" boolean NOT NULL DEFAULT false,
        "consecutive_failures" integer NOT NULL DEFAULT 0,
        "circuit_open_until" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_subscriptions" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_subscriptions_status" CHECK ("status" IN ('active', 'paused', 'disabled'))
      )`,
    );
    await queryRunner.query(
      `CREATE TABLE "deliveries" (
        "id" uuid NOT NULL,
        "seq" bigserial NOT NULL,
        "subscription_id" uuid NOT NULL,
        "event_id" uuid NOT NULL,
        "event_type" varchar(32) NOT NULL,
        "lead_id" varchar(128),
        "order_key" varchar(160) NOT NULL,
        "body" text NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "lease_until" timestamptz,
        "last_error" varchar(512),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "delivered_at" timestamptz,
        CONSTRAINT "PK_deliveries" PRIMARY KEY ("id"),
        CONSTRAINT "FK_deliveries_subscription" FOREIGN KEY ("subscription_id") REFERENCES "subscriptions" ("id")
          ON DELETE CASCADE,
        CONSTRAINT "CHK_deliveries_status" CHECK ("status" IN ('pending', 'delivered', 'dead'))
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_deliveries_pending" ON "deliveries" ("next_attempt_at") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_deliveries_queue" ON "deliveries" ("subscription_id", "order_key", "seq")
        WHERE "status" = 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_deliveries_subscription" ON "deliveries" ("subscription_id", "seq")`);
    await queryRunner.query(`CREATE INDEX "IDX_deliveries_lead" ON "deliveries" ("lead_id", "seq")`);
    await queryRunner.query(
      `CREATE TABLE "delivery_attempts" (
        "id" bigserial NOT NULL,
        "delivery_id" uuid NOT NULL,
        "attempted_at" timestamptz NOT NULL,
        "status_code" integer,
        "error" varchar(512),
        "latency_ms" integer NOT NULL,
        "response_excerpt" text,
        CONSTRAINT "PK_delivery_attempts" PRIMARY KEY ("id"),
        CONSTRAINT "FK_delivery_attempts_delivery" FOREIGN KEY ("delivery_id") REFERENCES "deliveries" ("id")
          ON DELETE CASCADE
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_delivery_attempts_delivery" ON "delivery_attempts" ("delivery_id", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "delivery_attempts"`);
    await queryRunner.query(`DROP TABLE "deliveries"`);
    await queryRunner.query(`DROP TABLE "subscriptions"`);
  }
}
