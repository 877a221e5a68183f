import { registerDecorator, type ValidationArguments } from 'class-validator';

/** The rule's name in class-validator's metadata (the AsyncAPI generator maps it). */
export const IS_CUSTOM_TYPE_OF_ACTIVITY = 'isCustomTypeOfActivity';

export const CUSTOM_TYPE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

const isCustom = (args: ValidationArguments): boolean => (args.object as { type?: unknown }).type === 'custom';

/**
 * `customType` names the activity when `type` is `custom` and must be absent otherwise, so a consumer
 * never has to guess which of the two fields describes the activity.
 */
export function IsCustomTypeOfActivity(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: IS_CUSTOM_TYPE_OF_ACTIVITY,
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          isCustom(args) ? typeof value === 'string' && CUSTOM_TYPE_PATTERN.test(value) : value === undefined,
        defaultMessage: (args: ValidationArguments) =>
          isCustom(args)
            ? `${args.property} is required when type is custom: 1-64 characters of letters, digits, _ . : - starting with a letter or digit`
            : `${args.property} is only allowed when type is custom`,
      },
    });
}
