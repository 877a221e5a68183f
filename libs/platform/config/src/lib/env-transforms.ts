import { Transform } from 'class-transformer';

const INTEGER = /^-?\d+$/;
const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

/**
 * Reads an integer env var. Parsed from the raw string rather than through `design:type`, which
 * TypeScript only emits for annotated properties; anything not an integer is left for @IsInt to reject.
 */
export function EnvInt(): PropertyDecorator {
  return Transform(({ obj, key }) => {
    const raw: unknown = obj[key];
    return typeof raw === 'string' && INTEGER.test(raw.trim()) ? Number(raw) : raw;
  });
}

/**
 * Reads a boolean env var. Implicit conversion would turn the string "false" into `true`, so the
 * raw value is parsed here; anything unrecognised is left as a string for @IsBoolean to reject.
 */
export function EnvBoolean(): PropertyDecorator {
  return Transform(({ obj, key }) => {
    const raw: unknown = obj[key];
    if (typeof raw !== 'string') return raw;
    const word = raw.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return raw;
  });
}

/** Reads a comma-separated env var into a trimmed list without empty entries. */
export function EnvList(): PropertyDecorator {
  return Transform(({ obj, key }) => {
    const raw: unknown = obj[key];
    if (typeof raw !== 'string') return raw;
    return raw
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
  });
}
