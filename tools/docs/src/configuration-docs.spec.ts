import { allSettings, declaredSettings, readWorkspaceFile as read } from './declared-settings';

const settings = allSettings();

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
