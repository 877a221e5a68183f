import { BadRequestException, Param } from '@nestjs/common';

/** What a stored version (of a scoring model, a rule set) may be named: it becomes one segment of a service path. */
const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** The `:version` path parameter, else a 400 naming it. */
export const VersionParam = (): ParameterDecorator =>
  Param('version', {
    transform: (value: string) => {
      if (VERSION_PATTERN.test(value)) return value;
      throw new BadRequestException({
        message: 'the version in the path is invalid',
        errors: [
          { field: 'version', reasons: ['must be 1-64 letters, digits, _ . - starting with a letter or digit'] },
        ],
      });
    },
  });
