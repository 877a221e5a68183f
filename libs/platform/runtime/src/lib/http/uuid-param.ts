import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';

/** A path parameter that must be a UUID, else a 400 naming it; `what` names it in the message (`lead id`). */
export const UuidParam = (name: string, what: string): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadRequestException({
          message: `${what} is not a UUID`,
          errors: [{ field: name, reasons: ['must be a UUID'] }],
        }),
    }),
  );
