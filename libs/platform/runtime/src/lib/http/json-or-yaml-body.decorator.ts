import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { YAML_MEDIA_TYPES } from './yaml-body';

/** Documents a request body read as JSON or, in a service created with `yamlBodies`, as YAML into the same shape. */
export function ApiJsonOrYamlBody(type: Type, description?: string): MethodDecorator {
  return applyDecorators(ApiConsumes('application/json', ...YAML_MEDIA_TYPES), ApiBody({ type, description }));
}
