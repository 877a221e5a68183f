import { registerDecorator, type ValidationArguments } from 'class-validator';

/** The rule's name in class-validator's metadata (the AsyncAPI generator maps it). */
export const IS_DIFFERENT_FROM = 'isDifferentFrom';

/** The value must differ from a sibling property, e.g. a lead cannot be merged into itself. */
export function IsDifferentFrom(otherProperty: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: IS_DIFFERENT_FROM,
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [otherProperty],
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          value !== (args.object as Record<string, unknown>)[otherProperty],
        defaultMessage: (args: ValidationArguments) => `${args.property} must differ from ${otherProperty}`,
      },
    });
}
