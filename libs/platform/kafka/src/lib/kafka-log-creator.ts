import { Logger } from '@nestjs/common';
import { logLevel, type LogEntry, type logCreator } from 'kafkajs';
import type { KafkaLogLevel } from './kafka.options';

export const KAFKAJS_LOG_LEVELS: Record<KafkaLogLevel, logLevel> = {
  nothing: logLevel.NOTHING,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

/**
 * kafkajs warns at every start that an idempotent producer with bounded retries "may invalidate EoS". Bounded
 * retries are deliberate here: a send that fails is retried by its caller (ingest answers 503 and the client
 * resends, the outbox relay sends the row again) and every consumer drops repeats by event id. Logged at
 * debug level, so operators do not chase it.
 */
const EXPECTED_WARNINGS = new Set(['Limiting retries for the idempotent producer may invalidate EoS guarantees']);

/**
 * While a group rebalances (a member joins, leaves or restarts: a deploy, a scale-out), every member's heartbeat is
 * answered "rebalancing" and kafkajs logs each answer as an error before it rejoins on its own. That is the
 * protocol working, counted by the rebalance metric; logged at info level so it does not page anyone.
 */
const EXPECTED_ERRORS = new Set(['The group is rebalancing, so a rejoin is needed']);

/** Routes kafkajs' own log lines into the Nest logger as structured objects (one JSON line each). */
export const nestLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ namespace, level, log }: LogEntry) => {
    const { message, timestamp: _timestamp, ...extra } = log;
    const entry = { msg: message, namespace, ...extra };
    if (level === logLevel.WARN && EXPECTED_WARNINGS.has(message)) logger.debug(entry);
    else if (level === logLevel.ERROR && EXPECTED_ERRORS.has(String(extra['error']))) logger.log(entry);
    else if (level === logLevel.ERROR) logger.error(entry);
    else if (level === logLevel.WARN) logger.warn(entry);
    else if (level === logLevel.INFO) logger.log(entry);
    else logger.debug(entry);
  };
};
