import { BadRequestException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { parseYamlBody } from './yaml-body';

function requestWith(body: unknown, contentType: string): Request {
  return { body, is: (types: string[]) => (types.includes(contentType) ? contentType : false) } as unknown as Request;
}

function run(request: Request): unknown {
  let passed: unknown = 'not called';
  parseYamlBody(request, {} as Response, (error?: unknown) => {
    passed = error;
  });
  return passed;
}

describe('parseYamlBody', () => {
  it('reads a YAML body into the same plain value the JSON parser would give', () => {
    const request = requestWith('version: "2"\nrules:\n  - id: pricing\n    points: 10\n', 'application/yaml');

    expect(run(request)).toBeUndefined();
    expect(request.body).toEqual({ version: '2', rules: [{ id: 'pricing', points: 10 }] });
  });

  it('leaves JSON and other bodies alone', () => {
    const json = requestWith({ version: '2' }, 'application/json');
    const text = requestWith('version: 2', 'text/plain');

    expect(run(json)).toBeUndefined();
    expect(run(text)).toBeUndefined();
    expect(json.body).toEqual({ version: '2' });
    expect(text.body).toBe('version: 2');
  });

  it('answers 400 naming the line and column of a syntax error without quoting the body', () => {
    const error = run(requestWith('name: secret@example.com\nname: again\n', 'text/yaml'));

    expect(error).toBeInstanceOf(BadRequestException);
    const body = (error as BadRequestException).getResponse();
    expect(body).toMatchObject({
      message: 'request body is not valid YAML',
      errors: [{ field: '(body)', reasons: [expect.stringContaining('(line 2, column 1)')] }],
    });
    expect(JSON.stringify(body)).not.toContain('secret@example.com');
  });
});
