import { DatabaseModule } from '@handoff/platform-database';
import { DataSource } from 'typeorm';
import { ScoringConfig } from '../app/scoring.config';
import { SCORING_ENTITIES } from '../storage';

/** The scoring schema as a command-line tool reads it: never migrated or written from here. */
export function cliScoringDatabase(applicationName: string) {
  return DatabaseModule.forRootAsync({
    inject: [ScoringConfig],
    useFactory: (config: ScoringConfig) => ({
      url: config.DATABASE_URL,
      schema: config.DATABASE_SCHEMA,
      poolSize: 2,
      applicationName,
      entities: SCORING_ENTITIES,
      migrateAtBoot: false,
    }),
  });
}

/** A tool reads what the service recorded; a schema the service never started on has nothing to read. */
export async function assertScoringSchema(dataSource: DataSource, schema: string): Promise<void> {
  const [{ table }] = await dataSource.query(`SELECT to_regclass($1) AS table`, [`"${schema}".scoring_models`]);
  if (table === null) {
    throw new Error(
      `schema "${schema}" has no scoring tables: the scoring service creates them when it first starts ` +
        '(set DATABASE_URL / DATABASE_SCHEMA to the deployment to read)',
    );
  }
}
