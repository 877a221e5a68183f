import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The previous signing secret a rotation keeps valid for a grace period. */
export class SigningSecretRotation1765000000000 implements MigrationInterface {
  readonly name = 'SigningSecretRotation1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "sources"
        ADD COLUMN "previous_signing_secret_encrypted" text,
        ADD COLUMN "previous_signing_secret_valid_until" timestamptz`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "sources"
        DROP COLUMN "previous_signing_secret_valid_until",
        DROP COLUMN "previous_signing_secret_encrypted"`,
    );
  }
}
