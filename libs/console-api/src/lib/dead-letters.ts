/** One record of a dead-letter topic, as `GET /api/dead-letters/:topic` lists it. */
export interface DeadLetterView {
  /** `<partition>/<offset>` in the dead-letter topic: what a replay names. */
  position: string;
  sourceTopic: string;
  sourcePartition: number;
  sourceOffset: string;
  key: string | null;
  errorClass: string;
  errorMessage: string;
  attempts: number;
  failedAt: string;
  /** The record's value as text, cut to a few KiB. */
  value: string | null;
}

export interface DeadLetterPage {
  topic: string;
  records: DeadLetterView[];
}

/** `POST /api/dead-letters/:topic/replay` body and answer. */
export interface DeadLetterReplayRequest {
  positions: string[];
}

export interface DeadLetterReplayResult {
  replayed: number;
}
