import { Transform, type TransformFnParams } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsFQDN,
  IsISO31661Alpha2,
  IsString,
  Matches,
  MaxLength,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import { IDENTIFIER_PATTERN, composeRules, IsText, trimSurroundingWhitespace } from '@handoff/contracts';

/**
 * Rules of directory fields. List items may not contain `;`: it separates them in a CSV cell, and a value
 * that cannot be written back would break the export → import round trip.
 */

export const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const LOCAL_END_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const LABEL = /^[^\s;](?:[^;]*[^\s;])?$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const POSTAL_PREFIX = /^[A-Z0-9](?:[A-Z0-9 -]{0,14}[A-Z0-9])?$/;

/** Minutes since midnight of a well-formed `HH:mm` (up to `24:00`); NaN otherwise. */
export function minutesOf(time: unknown): number {
  if (typeof time !== 'string' || !LOCAL_END_TIME.test(time)) return Number.NaN;
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
}

/** Milliseconds since the epoch of an instant; NaN when it is not one (its own rule reports that). */
export function instantMs(text: unknown): number {
  return typeof text === 'string' ? Date.parse(text) : Number.NaN;
}

const eachString = (transform: (value: string) => string) =>
  Transform(({ value }: TransformFnParams) =>
    Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? transform(item.trim()) : item)) : value,
  );

/** A display name or other free text, trimmed (a CSV cell is trimmed too, so exports read back the same). */
export const IsTrimmedText = (maxLength: number): PropertyDecorator =>
  composeRules(Transform(trimSurroundingWhitespace), IsText(maxLength));

const list = (max: number) => composeRules(IsArray(), ArrayMaxSize(max), ArrayUnique());

export const IsIdentifierList = (max: number): PropertyDecorator =>
  composeRules(
    list(max),
    IsString({ each: true }),
    Matches(IDENTIFIER_PATTERN, {
      each: true,
      message:
        'each value in $property must be 1-128 characters of letters, digits, _ . : - starting with a letter or digit',
    }),
  );

/** Free words (skills, regions): 1-64 characters without `;` or surrounding whitespace. */
export const IsLabelList = (max: number): PropertyDecorator =>
  composeRules(
    list(max),
    IsString({ each: true }),
    MaxLength(64, { each: true }),
    Matches(LABEL, {
      each: true,
      message: 'each value in $property must be 1-64 characters without ";" or surrounding spaces',
    }),
  );

export const IsLanguageList = (): PropertyDecorator =>
  composeRules(
    list(20),
    IsString({ each: true }),
    Matches(LANGUAGE_TAG, {
      each: true,
      message: 'each value in $property must be a language tag such as en or pt-BR',
    }),
  );

/** ISO 3166-1 alpha-2 codes, stored upper-case. */
export const IsCountryList = (): PropertyDecorator =>
  composeRules(
    eachString((code) => code.toUpperCase()),
    list(250),
    IsISO31661Alpha2({ each: true, message: 'each value in $property must be an ISO 3166-1 alpha-2 country code' }),
  );

/** Postal code beginnings, stored upper-case. */
export const IsPostalPrefixList = (): PropertyDecorator =>
  composeRules(
    eachString((prefix) => prefix.toUpperCase()),
    list(1000),
    Matches(POSTAL_PREFIX, {
      each: true,
      message:
        'each value in $property must be 1-16 letters, digits, spaces or dashes, starting and ending with a letter or digit',
    }),
  );

/** Fully qualified domain names, stored lower-case without a trailing dot. */
export const IsDomainList = (): PropertyDecorator =>
  composeRules(
    eachString((domain) => domain.toLowerCase().replace(/\.$/, '')),
    list(100),
    MaxLength(253, { each: true }),
    IsFQDN({ require_tld: true }, { each: true, message: 'each value in $property must be a domain such as acme.com' }),
  );

/**
 * The value must come after a sibling property's, compared as `valueOf` reads them (e.g. an end after its start).
 * Checked only when both read as numbers: a malformed value is reported by its own rule.
 */
export function IsAfter(otherProperty: string, valueOf: (value: unknown) => number): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAfter',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [otherProperty],
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const [own, other] = [valueOf(value), valueOf((args.object as Record<string, unknown>)[otherProperty])];
          return Number.isNaN(own) || Number.isNaN(other) || own > other;
        },
        defaultMessage: (args: ValidationArguments) => `${args.property} must be after ${otherProperty}`,
      },
    });
}

/** A day's working windows must not overlap (touching is fine: 09:00-12:00 and 12:00-17:00). */
export function HasNoOverlappingWindows(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'hasNoOverlappingWindows',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => !Array.isArray(value) || !hasOverlap(value),
        defaultMessage: (args: ValidationArguments) => `${args.property} must not have overlapping windows`,
      },
    });
}

function hasOverlap(windows: unknown[]): boolean {
  const spans = windows
    .map((window) => window as { start?: unknown; end?: unknown } | null)
    .map((window) => [minutesOf(window?.start), minutesOf(window?.end)])
    .filter(([start, end]) => start < end)
    .sort(([a], [b]) => a - b);
  return spans.some(([start], index) => index > 0 && start < spans[index - 1][1]);
}
