import { IsOptional, IsString } from 'class-validator';
import { PlatformConfig } from './platform.config';
import { Secret, secretSettingsOf } from './secret';
import { ConfigValidationError, validateConfig } from './validate-config';

class SecretsConfig extends PlatformConfig {
  @Secret()
  @IsString()
  ADMIN_TOKEN = 'published-admin-default';

  @Secret()
  @IsOptional()
  @IsString()
  READ_TOKEN?: string;

  @IsString()
  GREETING = 'hello';
}

class MoreSecretsConfig extends SecretsConfig {
  @Secret()
  @IsString()
  SECRET_KEY = 'published-key-default';
}

const PRODUCTION = { NODE_ENV: 'production' };
const SAFE = { ADMIN_TOKEN: 'a-real-admin-secret', READ_TOKEN: 'a-real-read-secret', SECRET_KEY: 'a-real-key' };

function productionProblemsOf(env: Record<string, string>): string[] {
  try {
    validateConfig(MoreSecretsConfig)({ ...PRODUCTION, ...env });
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('@Secret and the production rules', () => {
  it('collects the secrets of a class and its base classes without adding to the base', () => {
    expect(secretSettingsOf(MoreSecretsConfig)).toEqual(['ADMIN_TOKEN', 'READ_TOKEN', 'SECRET_KEY']);
    expect(secretSettingsOf(SecretsConfig)).toEqual(['ADMIN_TOKEN', 'READ_TOKEN']);
  });

  it('starts locally with published defaults and optional secrets unset', () => {
    expect(validateConfig(MoreSecretsConfig)({})).toMatchObject({
      NODE_ENV: 'development',
      ADMIN_TOKEN: 'published-admin-default',
    });
  });

  it('refuses production with one problem per missing or published-default secret, each named', () => {
    expect(productionProblemsOf({})).toEqual([
      'ADMIN_TOKEN: must not be the published default in production: set a secret value',
      'READ_TOKEN: must be set in production (it is missing)',
      'SECRET_KEY: must not be the published default in production: set a secret value',
    ]);
  });

  it('treats an empty secret as missing in production', () => {
    expect(productionProblemsOf({ ...SAFE, READ_TOKEN: '' })).toEqual([
      'READ_TOKEN: must be set in production (it is missing)',
    ]);
  });

  it('accepts production once every secret is set to a non-default value', () => {
    expect(productionProblemsOf(SAFE)).toEqual([]);
  });

  it('reports secrets together with the other invalid settings in one error that never echoes a value', () => {
    const attempt = () =>
      validateConfig(MoreSecretsConfig)({ ...PRODUCTION, HTTP_PORT: 'eighty', ADMIN_TOKEN: 'published-admin-default' });

    expect(attempt).toThrow(/HTTP_PORT: [\s\S]*ADMIN_TOKEN: [\s\S]*READ_TOKEN: [\s\S]*SECRET_KEY: /);
    expect(attempt).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('published-admin-default') }),
    );
  });

  it('applies the production rules only to NODE_ENV=production exactly', () => {
    expect(() => validateConfig(MoreSecretsConfig)({ NODE_ENV: 'staging' })).not.toThrow();
  });
});
