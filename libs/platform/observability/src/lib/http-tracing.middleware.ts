import { Injectable, type NestMiddleware } from '@nestjs/common';
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from '@opentelemetry/semantic-conventions';
import type { NextFunction, Request, Response } from 'express';
import { routeTemplate } from './route-template';
import { extractTraceContext } from './trace-context';
import { tracingActive } from './tracing';

export const HTTP_TRACER = '@handoff/platform-observability/http';

/** Probes and scrapes arrive every few seconds and say nothing about a lead's journey. */
const UNTRACED_PATHS = /^\/(health|metrics)(\/|$)/;

/**
 * Runs each request inside a SERVER span, a child of the caller's `traceparent` if it sent one, named by the
 * route template once routing matched (`POST /leads/:id/contact`), so what the handler publishes joins its trace.
 * A pass-through when tracing is off.
 */
@Injectable()
export class HttpTracingMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    if (!tracingActive()) return next();
    // The whole path: under a middleware `req.path` is relative to where it was mounted.
    const path = req.originalUrl.split('?')[0];
    if (UNTRACED_PATHS.test(path)) return next();
    const parent = extractTraceContext(req.headers);
    const span = trace.getTracer(HTTP_TRACER).startSpan(
      req.method,
      // No url.path: a raw path may carry an id or an address; the route template (set at the end) does not.
      { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: req.method } },
      parent,
    );
    res.once('close', () => endServerSpan(span, req, res));
    context.with(trace.setSpan(parent, span), next);
  }
}

function endServerSpan(span: Span, req: Request, res: Response): void {
  const route = routeTemplate(req);
  span.updateName(`${req.method} ${route}`);
  span.setAttribute(ATTR_HTTP_ROUTE, route);
  if (res.writableFinished) {
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
    // A 4xx is the client's mistake; only a server error marks the span failed.
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  } else {
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'client closed the request' });
  }
  span.end();
}
