import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Where settings are declared: the platform's config fragments and each service's config class. */
function configSources(): string[] {
  const fragments = readdirSync(join(root, 'libs/platform/config/src/lib'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .map((file) => `libs/platform/config/src/lib/${file}`);
  const services = readdirSync(join(root, 'apps'))
    .map((app) => `apps/${app}/src/app/${app}.config.ts`)
    .filter((path) => {
      try {
        return read(path).length > 0;
      } catch {
        return false;
      }
    });
  return [...fragments, ...services];
}

/** Every setting a config class declares: an upper-case property (`  KAFKA_TLS = false;`, `  override HTTP_PORT = 3000;`). */
function declaredSettings(source: string): string[] {
  const declaration = /^\s+(?:override\s+)?(?:readonly\s+)?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)[?!]?\s*[:=]/gm;
  return [...source.matchAll(declaration)].map((match) => match[1]);
}

const settings = [...new Set(configSources().flatMap((path) => declaredSettings(read(path))))].sort();

describe('configuration documentation', () => {
  it('finds the settings of the platform and of all four services', () => {
    expect(settings).toEqual(
      expect.arrayContaining(['KAFKA_BROKERS', 'KAFKA_SASL_MECHANISM', 'INGEST_SECRET_KEY', 'QUOTA_TIME_ZONE']),
    );
    expect(settings.length).toBeGreaterThan(60);
  });

  it.each([
    ['README.md', 'its meaning and local default'],
    ['docs/operations.md', 'its production value'],
  ])('documents every setting in %s (%s)', (document) => {
    const text = read(document);
    expect(settings.filter((setting) => !text.includes(`\`${setting}\``))).toEqual([]);
  });

  it('reads settings from declarations, not from comments or other identifiers', () => {
    const source = [
      '  /** KAFKA_IN_A_COMMENT is not one */',
      '  @IsString()',
      '  KAFKA_BROKERS: string[] = [];',
      '  override HTTP_PORT = 3000;',
      '  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism;',
      '  const notASetting = 1;',
    ].join('\n');
    expect(declaredSettings(source)).toEqual(['KAFKA_BROKERS', 'HTTP_PORT', 'KAFKA_SASL_MECHANISM']);
  });
});
