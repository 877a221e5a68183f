import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DeadLetterPageQuery, DeadLetterReplayBody, MAX_REPLAY_POSITIONS } from './dead-letters.dto';

const problemsOf = async (type: new () => object, plain: object) =>
  (await validate(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true })).map(
    (e) => e.property,
  );

describe('dead-letter request validation', () => {
  it('accepts positions written <partition>/<offset>', async () => {
    expect(await problemsOf(DeadLetterReplayBody, { positions: ['0/12', '2/0'] })).toEqual([]);
  });

  it.each([
    ['no positions', []],
    ['an offset without its partition', ['12']],
    ['text', ['0/12; drop']],
    ['more than a page', Array.from({ length: MAX_REPLAY_POSITIONS + 1 }, (_, i) => `0/${i}`)],
  ])('refuses %s', async (_, positions) => {
    expect(await problemsOf(DeadLetterReplayBody, { positions })).toEqual(['positions']);
  });

  it('refuses a limit that is not a whole number from 1 to a page', async () => {
    expect(await problemsOf(DeadLetterPageQuery, { limit: '0' })).toEqual(['limit']);
    expect(await problemsOf(DeadLetterPageQuery, { limit: 'ten' })).toEqual(['limit']);
    expect(await problemsOf(DeadLetterPageQuery, { limit: '50' })).toEqual([]);
  });
});
