import type { Response } from 'express';
import type { ServiceAnswer } from './service-client';

/**
 * Answers with the service's status and body (a CSV with its type and file name), never its other headers. The
 * route takes `@Res()`: Nest would otherwise replace the status with the route's default.
 */
export function sendAnswer(response: Response, answer: ServiceAnswer): void {
  response.status(answer.status);
  if (answer.body === undefined) {
    response.end();
  } else if (answer.contentType) {
    response.type(answer.contentType);
    if (answer.contentDisposition) response.setHeader('content-disposition', answer.contentDisposition);
    response.send(answer.body);
  } else {
    response.json(answer.body);
  }
}
