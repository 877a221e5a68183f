// class-transformer's implicit conversion calls Reflect.getMetadata.
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { ConfigConstructor } from './config-fragments';
import { secretSettingsOf, unsafeSecretsOf } from './secret';

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (${problems.length} problem(s)):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

/**
 * Builds the `validate` function for `ConfigModule.forRoot`: coerces env strings to the config
 * class's types (defaults come from its property initializers) and throws one error naming every
 * bad variable. With NODE_ENV=production every @Secret() setting must be set and differ from its
 * published default. Values are never echoed because some carry credentials.
 */
export function validateConfig<T extends object>(configClass: ConfigConstructor<T>) {
  return (env: Record<string, unknown>): T => {
    const config = plainToInstance(configClass, withoutEmptyValues(env), { enableImplicitConversion: true });
    const problems = [...validateSync(config, { whitelist: true }).map(describeProblem), ...productionProblems(config)];
    if (problems.length > 0) throw new ConfigValidationError(problems);
    return config;
  };
}

function productionProblems<T extends object>(config: T): string[] {
  if ((config as { NODE_ENV?: unknown }).NODE_ENV !== 'production') return [];
  const configClass = config.constructor as ConfigConstructor<T>;
  return unsafeSecretsOf(config, new configClass(), secretSettingsOf(configClass)).map(
    ({ setting, reason }) => `${setting}: ${reason}`,
  );
}

/** `FOO=` in a compose file or shell means "not set": let the default apply. */
function withoutEmptyValues(env: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
}

function describeProblem(error: ValidationError): string {
  const reasons = Object.values(error.constraints ?? {}).map((reason) => stripPropertyPrefix(reason, error.property));
  return `${error.property}: ${reasons.join('; ')}`;
}

function stripPropertyPrefix(reason: string, property: string): string {
  return reason.startsWith(`${property} `) ? reason.slice(property.length + 1) : reason;
}
