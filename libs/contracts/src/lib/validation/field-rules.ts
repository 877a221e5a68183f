import 'reflect-metadata';
import { Transform, Type, type TransformFnParams } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsEmail,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { Constructor } from '../topic-contract';

/** Applies several property decorators as one, so each contract states a rule once by name. */
export const composeRules =
  (...rules: PropertyDecorator[]): PropertyDecorator =>
  (target, propertyKey) => {
    for (const rule of rules) rule(target, propertyKey);
  };

/** Ids owned by a service (rep, team, rule, period, deal, model version): safe in logs, keys and URLs. */
export const IDENTIFIER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

export const IsIdentifier = (): PropertyDecorator =>
  composeRules(
    IsString(),
    Matches(IDENTIFIER_PATTERN, {
      message: '$property must be 1-128 characters of letters, digits, _ . : - starting with a letter or digit',
    }),
  );

export const IsFiniteNumber = (): PropertyDecorator =>
  IsNumber({ allowNaN: false, allowInfinity: false }, { message: '$property must be a finite number' });

export const IsNonNegativeNumber = (): PropertyDecorator => composeRules(IsFiniteNumber(), Min(0));

export const IsCount = (): PropertyDecorator => composeRules(IsInt(), Min(0));

export const IsText = (maxLength: number): PropertyDecorator =>
  composeRules(IsString(), IsNotEmpty(), MaxLength(maxLength));

/** A required nested object validated against its own class (the plain JSON is turned into `type` first). */
export const IsNestedObject = (type: () => Constructor<object>): PropertyDecorator =>
  composeRules(IsDefined(), IsObject(), ValidateNested(), Type(type));

export const IsNestedArray = (type: () => Constructor<object>, size: { min: number; max: number }): PropertyDecorator =>
  composeRules(IsArray(), ArrayMinSize(size.min), ArrayMaxSize(size.max), ValidateNested({ each: true }), Type(type));

/** An optional nested object, validated against its own class when present. */
export const IsOptionalNested = (type: () => Constructor<object>): PropertyDecorator =>
  composeRules(IsOptional(), IsObject(), ValidateNested(), Type(type));

/** A named transform, so the AsyncAPI generator can recognise it (it states every transform it knows). */
export const trimSurroundingWhitespace = ({ value }: TransformFnParams): unknown =>
  typeof value === 'string' ? value.trim() : value;

/**
 * An optional email address. Surrounding whitespace (common in CRM exports and form fields) is trimmed
 * before the check; case is left alone here and normalised where identities are resolved.
 */
export const IsOptionalEmail = (): PropertyDecorator =>
  composeRules(Transform(trimSurroundingWhitespace), IsOptional(), IsEmail(), MaxLength(254));

/** The ValidateIf context that names the property a value is required with, so the rule can be published. */
export interface RequiredWithContext {
  requiredWith: string;
}

/**
 * Required when `otherProperty` is given, and checked whenever present (e.g. a currency goes with an amount).
 * The condition carries its meaning as context because a condition function cannot be read back.
 */
export const IsRequiredWith =
  (otherProperty: string): PropertyDecorator =>
  (target, propertyKey) => {
    const context: RequiredWithContext = { requiredWith: otherProperty };
    const isPresent = (object: object, key: string | symbol) =>
      (object as Record<string | symbol, unknown>)[key] !== undefined;
    composeRules(
      ValidateIf((object: object) => isPresent(object, otherProperty) || isPresent(object, propertyKey), { context }),
      IsDefined({ message: `$property is required when ${otherProperty} is given` }),
    )(target, propertyKey);
  };

export interface RequiredWhenContext {
  requiredWhen: { property: string; values: readonly string[] };
}

/**
 * Required when a sibling holds one of `values` (e.g. a deal id for the deal outcomes), and checked whenever
 * present. Like IsRequiredWith, the condition is kept as context so the AsyncAPI generator can state it.
 */
export const IsRequiredWhen =
  (otherProperty: string, values: readonly string[]): PropertyDecorator =>
  (target, propertyKey) => {
    const context: RequiredWhenContext = { requiredWhen: { property: otherProperty, values } };
    const record = (object: object) => object as Record<string | symbol, unknown>;
    const required = (object: object) => values.includes(record(object)[otherProperty] as string);
    composeRules(
      ValidateIf((object: object) => required(object) || record(object)[propertyKey] !== undefined, { context }),
      IsDefined({ message: `$property is required when ${otherProperty} is ${values.join(' or ')}` }),
    )(target, propertyKey);
  };
