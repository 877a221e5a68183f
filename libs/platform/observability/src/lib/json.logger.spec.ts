import { CorrelationContext } from './correlation-context';
import { JsonLogger, type JsonLoggerOptions } from './json.logger';

const EMAIL = 'jane.doe@example.com';

function capture(options: Partial<JsonLoggerOptions> = {}) {
  const lines: string[] = [];
  const logger = new JsonLogger({ service: 'ingest', write: (line) => lines.push(line), ...options });
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, entries };
}

describe('JsonLogger', () => {
  it('writes one JSON line per event with time, level, service, context and msg', () => {
    const { logger, lines, entries } = capture();

    logger.log('Nest application started', 'NestApplication');

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\{.*\}\n$/);
    expect(entries()[0]).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      level: 'info',
      service: 'ingest',
      context: 'NestApplication',
      msg: 'Nest application started',
    });
  });

  it('adds the correlation id and fields of the current unit of work', () => {
    const { logger, entries } = capture();

    CorrelationContext.run('corr-1', { topic: 'engagement.recorded.v1', partition: 3 }, () => {
      CorrelationContext.annotate({ leadId: 'lead-9' });
      logger.log({ msg: 'scored', score: 40 }, 'ScoringService');
    });

    expect(entries()[0]).toMatchObject({
      correlationId: 'corr-1',
      topic: 'engagement.recorded.v1',
      partition: 3,
      leadId: 'lead-9',
      score: 40,
      msg: 'scored',
      context: 'ScoringService',
    });
  });

  it('drops events below the configured level', () => {
    const { logger, entries } = capture({ level: 'warn' });

    logger.debug('noise');
    logger.verbose('noise');
    logger.log('noise');
    logger.warn('kept');
    logger.error('kept');
    logger.fatal('kept');

    expect(entries().map((entry) => entry['level'])).toEqual(['warn', 'error', 'fatal']);
  });

  it('reports an Error as err with name, message and stack', () => {
    const { logger, entries } = capture();

    logger.error(new RangeError('offset out of range'), 'Relay');

    expect(entries()[0]).toMatchObject({
      level: 'error',
      context: 'Relay',
      msg: 'offset out of range',
      err: { name: 'RangeError', message: 'offset out of range', stack: expect.stringContaining('RangeError') },
    });
  });

  it("keeps the stack of Nest's error(message, stack, context) calls", () => {
    const { logger, entries } = capture();
    const stack = new Error('boom').stack;

    logger.error('Handler failed', stack, 'ExceptionsHandler');

    expect(entries()[0]).toMatchObject({
      msg: 'Handler failed',
      context: 'ExceptionsHandler',
      err: { message: 'Handler failed', stack },
    });
  });

  it('does not let structured fields overwrite the core fields', () => {
    const { logger, entries } = capture();

    logger.log({ msg: 'hello', level: 'fatal', service: 'spoofed' });

    expect(entries()[0]).toMatchObject({ level: 'info', service: 'ingest', msg: 'hello' });
  });

  it('never writes an email in clear: message, fields, nested objects, correlation fields or errors', () => {
    const { logger, lines } = capture({ level: 'debug' });

    CorrelationContext.run('corr-2', { userEmail: EMAIL }, () => {
      logger.log(`identify ${EMAIL}`, 'IdentityService');
      logger.log({ msg: 'lead merged', email: EMAIL, traits: { contact: { primary: `<${EMAIL}>` } } });
      logger.warn('rejected', { body: { events: [{ properties: { note: `ping ${EMAIL}` } }] } });
      logger.error(new Error(`duplicate key (email)=(${EMAIL})`), 'Inbox');
      logger.error('Handler failed', `Error: ${EMAIL} exists\n    at handler (app.js:1:1)`, 'Handler');
      logger.debug({ message: EMAIL.toUpperCase() });
    });

    expect(lines).toHaveLength(6);
    const output = lines.join('');
    expect(output.toLowerCase()).not.toContain(EMAIL);
    expect(output.toLowerCase()).not.toContain('jane.doe');
    expect(output).toContain('<email:');
  });
});
