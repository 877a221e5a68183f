import type { ConsoleErrorBody } from '@handoff/console-api';

/** A service answered 4xx/5xx, did not answer, or timed out: the page gets `body` with `status`, naming the service. */
export class ServiceCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: ConsoleErrorBody,
  ) {
    super(`${body.service ?? 'a service'} answered ${status}`);
    this.name = 'ServiceCallError';
  }
}
