import { registerDecorator, type ValidationArguments } from 'class-validator';
import { IANAZone } from 'luxon';

/** The value must be an IANA time zone name that this runtime knows (e.g. `Europe/Berlin`). */
export function IsIanaTimeZone(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && IANAZone.isValidZone(value),
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be an IANA time zone such as Europe/Berlin or America/New_York`,
      },
    });
}
