import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ServiceCallError } from './service-call.error';

/**
 * Answers a service's error as the service gave it, plus `service`: the platform's filter would drop that field.
 * Put on the console's controllers, so it is chosen before the global filter.
 */
@Catch(ServiceCallError)
export class ServiceCallErrorFilter implements ExceptionFilter<ServiceCallError> {
  catch(error: ServiceCallError, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().status(error.status).json(error.body);
  }
}
