import { BadRequestException, Param } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { IDENTIFIER_PATTERN } from '@handoff/contracts';

const ID_RULE = 'id must be 1-128 characters of letters, digits, _ . : - starting with a letter or digit';

/** The `:id` path parameter, checked against the rule of caller-chosen ids (400 naming `id` otherwise). */
export const IdParam = (): ParameterDecorator =>
  Param('id', {
    transform: (value: string) => {
      if (IDENTIFIER_PATTERN.test(value)) return value;
      throw new BadRequestException({
        message: 'the id in the path is invalid',
        errors: [{ field: 'id', reasons: [ID_RULE] }],
      });
    },
  });

/** Documents the `:id` path parameter of a route about one record. */
export const ApiIdParam = (kind: string, example: string): MethodDecorator & ClassDecorator =>
  ApiParam({
    name: 'id',
    description: `The ${kind}’s id, chosen by whoever creates it`,
    schema: { type: 'string', pattern: IDENTIFIER_PATTERN.source, maxLength: 128 },
    example,
  });
