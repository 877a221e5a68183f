import { BadRequestException } from '@nestjs/common';
import { BODY_FIELD } from '@handoff/contracts';
import type { NextFunction, Request, Response } from 'express';
import { parse, YAMLParseError } from 'yaml';

/** Media types read as YAML; JSON stays the default for everything else. */
export const YAML_MEDIA_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

/**
 * Turns a YAML request body (already read as text by the text parser) into the same plain value a JSON body
 * gives, so controllers and validation see one shape whatever the client sent. A syntax error is a 400 that
 * names where it is without quoting the body.
 */
export function parseYamlBody(request: Request, _response: Response, next: NextFunction): void {
  if (typeof request.body !== 'string' || !request.is(YAML_MEDIA_TYPES)) return next();
  try {
    request.body = parse(request.body, { uniqueKeys: true });
    next();
  } catch (error) {
    next(error instanceof YAMLParseError ? invalidYaml(error) : error);
  }
}

function invalidYaml(error: YAMLParseError): BadRequestException {
  const where = error.linePos?.[0];
  const reason = error.message.split(' at line ')[0];
  const position = where ? ` (line ${where.line}, column ${where.col})` : '';
  return new BadRequestException({
    message: 'request body is not valid YAML',
    errors: [{ field: BODY_FIELD, reasons: [`body is not valid YAML${position}: ${reason}`] }],
  });
}
