import { DECORATORS } from '@nestjs/swagger';
import { ApiErrorResponse, ApiErrorResponses, RETRY_AFTER_HEADER } from './api-error.response';

class Documented {
  @ApiErrorResponses({
    404: 'no such lead',
    503: { description: 'retry later', headers: RETRY_AFTER_HEADER },
  })
  handle(): void {
    return undefined;
  }
}

const responsesOf = (method: () => void) => Reflect.getMetadata(DECORATORS.API_RESPONSE, method);

describe('ApiErrorResponses', () => {
  it('documents each status with the error body schema and its description', () => {
    expect(responsesOf(Documented.prototype.handle)['404']).toMatchObject({
      description: 'no such lead',
      type: ApiErrorResponse,
    });
  });

  it('documents the headers an error answer carries', () => {
    expect(responsesOf(Documented.prototype.handle)['503']).toMatchObject({
      description: 'retry later',
      type: ApiErrorResponse,
      headers: { 'Retry-After': expect.objectContaining({ schema: { type: 'integer', minimum: 1 } }) },
    });
  });
});
