/**
 * The Segment-compatible routes (SegmentController): their bodies are read as JSON whatever the Content-Type,
 * as Segment-spec SDKs send it (see ingest-app.options).
 */
export const SEGMENT_ROUTES = ['track', 'page', 'screen', 'identify', 'group', 'alias', 'batch', 'import'].map(
  (call) => `/v1/${call}`,
);
