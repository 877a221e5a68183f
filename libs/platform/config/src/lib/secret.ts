import type { ConfigConstructor } from './config-fragments';

const SECRET_SETTINGS = Symbol('handoff:secret-settings');

type WithSecrets = { [SECRET_SETTINGS]?: readonly string[] };

/**
 * Marks a setting as a secret: with NODE_ENV=production the service refuses to start while it is unset or
 * equals its published default (the property initializer). Optional secrets are open locally, required there.
 */
export function Secret(): PropertyDecorator {
  return (prototype, property) => {
    const target = prototype as WithSecrets;
    // A copy per class, so a subclass's secrets never leak into its base class.
    target[SECRET_SETTINGS] = [...(target[SECRET_SETTINGS] ?? []), String(property)];
  };
}

/** The names of the settings marked @Secret() on a config class and its base classes. */
export function secretSettingsOf(configClass: ConfigConstructor): readonly string[] {
  return [...new Set((configClass.prototype as WithSecrets)[SECRET_SETTINGS] ?? [])];
}

/**
 * Each secret setting that is unset or still holds its published default, with the reason; never the value.
 * `defaults` is an instance built from the class's initializers alone.
 */
export function unsafeSecretsOf(
  config: object,
  defaults: object,
  secrets: readonly string[],
): { setting: string; reason: string }[] {
  const values = config as Record<string, unknown>;
  const published = defaults as Record<string, unknown>;
  return secrets.flatMap((setting) => {
    const value = values[setting];
    if (value === undefined || value === '') return [{ setting, reason: 'must be set in production (it is missing)' }];
    if (value === published[setting])
      return [{ setting, reason: 'must not be the published default in production: set a secret value' }];
    return [];
  });
}
