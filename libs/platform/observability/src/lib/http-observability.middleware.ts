import { randomUUID } from 'node:crypto';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_ID_HEADER, CorrelationContext } from './correlation-context';
import { HttpMetrics } from './http-metrics.service';
import { routeTemplate } from './route-template';

/** Accept caller ids that are safe to log and echo; anything else is replaced by a fresh one. */
const SAFE_CORRELATION_ID = /^[\w.:-]{1,128}$/;
/** nginx's convention for "the client went away before the response was complete". */
const CLIENT_CLOSED_REQUEST = '499';

/**
 * Runs each request inside a CorrelationContext (taking the caller's `x-correlation-id` or minting
 * one), echoes the id in the response and records the request's count and duration.
 */
@Injectable()
export class HttpObservabilityMiddleware implements NestMiddleware {
  constructor(private readonly metrics: HttpMetrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const correlationId = incomingCorrelationId(req) ?? randomUUID();
    res.setHeader(CORRELATION_ID_HEADER, correlationId);
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = res.writableFinished ? String(res.statusCode) : CLIENT_CLOSED_REQUEST;
      this.metrics.record(req.method, routeTemplate(req), status, seconds);
    });
    CorrelationContext.run(correlationId, {}, next);
  }
}

function incomingCorrelationId(req: Request): string | undefined {
  const header = req.headers[CORRELATION_ID_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_CORRELATION_ID.test(value) ? value : undefined;
}
