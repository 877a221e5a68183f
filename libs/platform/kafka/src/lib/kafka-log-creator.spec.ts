import { Logger } from '@nestjs/common';
import { logLevel, type LogEntry } from 'kafkajs';
import { nestLogCreator } from './kafka-log-creator';

const entry = (level: logLevel, message: string): LogEntry => ({
  namespace: 'Producer',
  level,
  label: 'WARN',
  log: { message, timestamp: '2026-11-29T00:00:00.000Z', retries: 5 },
});

describe('nestLogCreator', () => {
  afterEach(() => jest.restoreAllMocks());

  it('passes kafkajs warnings through as structured warnings, without its timestamp', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);

    nestLogCreator(logLevel.INFO)(entry(logLevel.WARN, 'Connection timeout'));

    expect(warn).toHaveBeenCalledWith({ msg: 'Connection timeout', namespace: 'Producer', retries: 5 });
  });

  it('logs the expected "limiting retries" warning of the idempotent producer at debug level', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    const message = 'Limiting retries for the idempotent producer may invalidate EoS guarantees';

    nestLogCreator(logLevel.INFO)(entry(logLevel.WARN, message));

    expect(warn).not.toHaveBeenCalled();
    expect(debug).toHaveBeenCalledWith(expect.objectContaining({ msg: message }));
  });

  it('logs a heartbeat answered "rebalancing" at info level, and other kafkajs errors as errors', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const info = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const heartbeat = (reason: string): LogEntry => ({
      namespace: 'Connection',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: { message: 'Response Heartbeat(key: 12, version: 3)', timestamp: '2026-12-06T00:00:00.000Z', error: reason },
    });

    nestLogCreator(logLevel.INFO)(heartbeat('The group is rebalancing, so a rejoin is needed'));
    nestLogCreator(logLevel.INFO)(heartbeat('The coordinator is not available'));

    expect(info).toHaveBeenCalledWith(
      expect.objectContaining({ error: 'The group is rebalancing, so a rejoin is needed' }),
    );
    expect(error).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ error: 'The coordinator is not available' }));
  });
});
