import { BadRequestException, Param } from '@nestjs/common';
import { DEAD_LETTER_TOPICS } from '@handoff/contracts';

const KNOWN = new Set(DEAD_LETTER_TOPICS.map(({ name }) => name));

/** The `:topic` path parameter: one of the platform's `<topic>.dlq` topics, else a 400 naming it. */
export const DeadLetterTopicParam = (): ParameterDecorator =>
  Param('topic', {
    transform: (value: string) => {
      if (KNOWN.has(value)) return value;
      throw new BadRequestException({
        message: 'the topic in the path is not a dead-letter topic',
        errors: [{ field: 'topic', reasons: ['must be one of the <topic>.dlq topics GET /api/dead-letters lists'] }],
      });
    },
  });
