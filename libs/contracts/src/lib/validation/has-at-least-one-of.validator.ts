import { registerDecorator, type ValidationArguments } from 'class-validator';

/** The rule's name in class-validator's metadata (the AsyncAPI generator maps it). */
export const HAS_AT_LEAST_ONE_OF = 'hasAtLeastOneOf';

const hasNonEmptyString = (value: object, key: string): boolean => {
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field.length > 0;
};

/**
 * The nested object must carry at least one of `keys` as a non-empty string, e.g. an identity needs an
 * anonymous id, a user id or an email. A missing or non-object value is left to `IsDefined`/`IsObject`.
 */
export function HasAtLeastOneOf(keys: readonly string[]): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: HAS_AT_LEAST_ONE_OF,
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [keys],
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'object' || value === null || keys.some((key) => hasNonEmptyString(value, key)),
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must contain at least one of ${keys.join(', ')}`,
      },
    });
}
