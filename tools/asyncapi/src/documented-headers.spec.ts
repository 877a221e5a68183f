import { CONTENT_TYPE_HEADER, DLQ_HEADERS, EVENT_ID_HEADER, SCHEMA_VERSION_HEADER } from '@handoff/platform-kafka';
import { CORRELATION_ID_HEADER, TRACEPARENT_HEADER, TRACESTATE_HEADER } from '@handoff/platform-observability';
import { DEAD_LETTER_HEADERS, EVENT_HEADERS, TRACE_HEADERS } from './topic-documentation';

/** The AsyncAPI document names the headers libs/platform/kafka writes; they must stay the same. */
describe('headers documented in the AsyncAPI document', () => {
  it('are exactly the headers the producer writes on every event', () => {
    expect(Object.keys(EVENT_HEADERS).sort()).toEqual(
      [CORRELATION_ID_HEADER, EVENT_ID_HEADER, SCHEMA_VERSION_HEADER, CONTENT_TYPE_HEADER].sort(),
    );
  });

  it('are exactly the trace context headers the producer adds with tracing on', () => {
    expect(Object.keys(TRACE_HEADERS).sort()).toEqual([TRACEPARENT_HEADER, TRACESTATE_HEADER].sort());
  });

  it('are exactly the headers a dead letter carries', () => {
    expect(Object.keys(DEAD_LETTER_HEADERS).sort()).toEqual(Object.values(DLQ_HEADERS).sort());
  });
});
