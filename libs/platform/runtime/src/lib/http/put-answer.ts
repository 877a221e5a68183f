import { HttpStatus } from '@nestjs/common';
import type { Response } from 'express';

/** A record as a PUT left it, and whether the PUT created it. */
export interface Written<T> {
  record: T;
  created: boolean;
}

/** A PUT answers 201 when it created the record and 200 when it replaced one. */
export function answerPut<T>(response: Response, { created, record }: Written<T>): T {
  response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
  return record;
}
