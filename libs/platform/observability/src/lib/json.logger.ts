import type { LoggerService } from '@nestjs/common';
import type { LogLevelName } from '@handoff/platform-config';
import { CorrelationContext } from './correlation-context';
import { activeTraceFields } from './trace-context';
import { maskEmails, maskError, maskPersonalData } from './mask-personal-data';

type OutputLevel = LogLevelName | 'fatal';

const SEVERITY: Record<OutputLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, fatal: 50 };
const STACK_PATTERN = /\n\s+at /;

export interface JsonLoggerOptions {
  service: string;
  /** Lowest level written; defaults to info. */
  level?: LogLevelName;
  /** Where each line goes; defaults to stdout. */
  write?: (line: string) => void;
}

interface Parsed {
  msg: string;
  context?: string;
  fields: Record<string, unknown>;
  error?: Error;
}

/**
 * Nest logger writing one JSON object per line: time, level, service, context, msg, the current
 * correlation fields, the active span's `traceId` and `spanId` (tracing on), any structured fields and `err`. Personal data is masked on the way out.
 *
 * Accepts Nest's call shapes (`log(msg, context)`, `error(msg, stack, context)`) and structured
 * ones: `log({ msg: 'lead scored', leadId, score }, 'ScoringService')`, `error(err, 'Ctx')`.
 */
export class JsonLogger implements LoggerService {
  private readonly threshold: number;
  private readonly write: (line: string) => void;

  constructor(private readonly options: JsonLoggerOptions) {
    this.threshold = SEVERITY[options.level ?? 'info'];
    this.write = options.write ?? ((line) => process.stdout.write(line));
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.emit('debug', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.emit('debug', message, params);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.emit('info', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.emit('warn', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.emit('error', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.emit('fatal', message, params);
  }

  private emit(level: OutputLevel, message: unknown, params: unknown[]): void {
    if (SEVERITY[level] < this.threshold) return;
    const parsed = parse(message, params);
    const core = {
      time: new Date().toISOString(),
      level,
      service: this.options.service,
      context: parsed.context,
      msg: maskEmails(parsed.msg),
    };
    const entry = Object.assign(
      { ...core },
      maskPersonalData(CorrelationContext.fields()),
      activeTraceFields(),
      maskPersonalData(parsed.fields),
      // Structured fields may not overwrite the core ones.
      core,
      parsed.error ? { err: maskError(parsed.error) } : {},
    );
    this.write(`${JSON.stringify(entry)}\n`);
  }
}

function parse(message: unknown, params: unknown[]): Parsed {
  const last = params[params.length - 1];
  const hasContext = typeof last === 'string' && !STACK_PATTERN.test(last);
  const parsed: Parsed = { msg: '', context: hasContext ? last : undefined, fields: {} };
  absorbMessage(parsed, message);
  for (const param of hasContext ? params.slice(0, -1) : params) absorbParam(parsed, param);
  return parsed;
}

function absorbMessage(parsed: Parsed, message: unknown): void {
  if (message instanceof Error) {
    parsed.msg = message.message;
    parsed.error = message;
  } else if (isPlainObject(message)) {
    const { msg, message: text, ...fields } = message;
    parsed.msg = String(msg ?? text ?? '');
    Object.assign(parsed.fields, fields);
  } else {
    parsed.msg = String(message);
  }
}

function absorbParam(parsed: Parsed, param: unknown): void {
  if (param === undefined) return;
  if (param instanceof Error) {
    parsed.error ??= param;
  } else if (typeof param === 'string' && STACK_PATTERN.test(param)) {
    // Nest's `error(message, stack)`: keep the stack with the message it belongs to.
    parsed.error ??= Object.assign(new Error(parsed.msg), { stack: param });
  } else if (isPlainObject(param)) {
    Object.assign(parsed.fields, param);
  } else {
    parsed.fields['extra'] = [...((parsed.fields['extra'] as unknown[]) ?? []), param];
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
