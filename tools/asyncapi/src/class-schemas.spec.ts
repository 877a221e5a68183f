import { Transform } from 'class-transformer';
import {
  IsEnum,
  IsInt,
  IsLatitude,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ClassSchemas } from './class-schemas';

class Unmapped {
  @IsLatitude()
  count!: number;
}

class RawCondition {
  @ValidateIf(() => true)
  @IsString()
  note?: string;
}

class UnknownTransform {
  @Transform(({ value }) => value)
  @IsString()
  note!: string;
}

class Child {
  @IsString()
  name!: string;
}

class UntypedNested {
  @ValidateNested()
  child!: Child;
}

enum Colour {
  Red = 'red',
  Blue = 'blue',
}

class Mapped {
  @IsEnum(Colour)
  colour!: Colour;

  @IsOptional()
  @IsString()
  @MinLength(3)
  nickname?: string;

  @IsInt()
  @Max(10)
  level!: number;

  // A bound applied after IsInt must not widen the integer to a number.
  @Min(1)
  @IsInt()
  rank!: number;
}

const schemaOf = (type: new () => object) => {
  const schemas = new ClassSchemas();
  schemas.refOf(type);
  return schemas.components()[type.name];
};

describe('ClassSchemas', () => {
  it.each([
    ['a rule with no mapping', Unmapped, 'Unmapped.count: class-validator rule isLatitude has no JSON Schema mapping'],
    ['a ValidateIf it cannot read', RawCondition, 'RawCondition.note: ValidateIf has no JSON Schema mapping'],
    ['a transform it does not know', UnknownTransform, 'UnknownTransform.note: a class-transformer @Transform'],
    [
      'a nested object without @Type',
      UntypedNested,
      "UntypedNested.child: ValidateNested needs class-transformer's @Type",
    ],
  ])('fails generation on %s, naming the property and the rule', (_case, type, message) => {
    expect(() => schemaOf(type)).toThrow(message);
  });

  it('maps enums, lengths, bounds and optional (nullable) properties', () => {
    expect(schemaOf(Mapped)).toEqual({
      type: 'object',
      properties: {
        colour: { type: 'string', enum: ['red', 'blue'] },
        nickname: { type: ['string', 'null'], minLength: 3 },
        level: { type: 'integer', maximum: 10 },
        rank: { type: 'integer', minimum: 1 },
      },
      required: ['colour', 'level', 'rank'],
      additionalProperties: false,
    });
  });
});
