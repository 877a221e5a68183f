import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type BehaviourModel,
  type DecayThresholds,
  type FitModel,
  type QualificationRule,
  type ScoringModel,
} from '@handoff/domain-scoring';
import { GRADES } from '@handoff/shared-vocabulary';
import type { ModelSummary, ModelView } from './model-registry.service';

// OpenAPI schemas of scoring models; `implements` keeps them in step with the types they document. The model's
// parts are described one level deep: README "Scoring" and apps/scoring/models/default-model.yaml show them whole.

export class ScoringModelDto implements ScoringModel {
  @ApiProperty({ description: 'The model’s identity across versions', example: 'default' })
  id!: string;

  @ApiProperty({ description: 'Unique; a stored version never changes', example: '2' })
  version!: string;

  @ApiProperty({ example: 'Default B2B SaaS model' })
  name!: string;

  @ApiProperty({
    type: 'object',
    description: 'Behaviour rules award points per activity, decaying with their half-life',
    required: ['rules', 'groups', 'halfLifeDays'],
    properties: {
      rules: {
        type: 'array',
        items: { type: 'object' },
        description:
          'Each: id, label, activityType ("*" for any), customType?, filters [{path, condition}], points ' +
          '(negative allowed), frequency (once_per_lead | repeatable), maxPoints?, window? {days, maxPoints}, ' +
          'groupId?, halfLifeDays? (null: never decays)',
      },
      groups: { type: 'array', items: { type: 'object' }, description: 'Each: id, label, limit' },
      halfLifeDays: { type: 'number', example: 30 },
      totalLimit: { type: 'number', description: 'Upper bound on the positive points after group limits' },
    },
  })
  behaviour!: BehaviourModel;

  @ApiProperty({
    type: 'object',
    description: 'Fit rules score profile attributes into a fit score and a grade',
    required: ['rules', 'grades'],
    properties: {
      rules: {
        type: 'array',
        items: { type: 'object' },
        description: 'Each: id, label, attribute (e.g. industry, employeeCount, traits.<name>), condition, points',
      },
      grades: {
        type: 'object',
        description: 'Minimum fit score of grades A, B and C; below C is D',
        required: ['A', 'B', 'C'],
        properties: {
          A: { type: 'number', example: 60 },
          B: { type: 'number', example: 35 },
          C: { type: 'number', example: 15 },
        },
      },
    },
  })
  fit!: FitModel;

  @ApiProperty({
    type: 'object',
    description: 'A lead qualifies (becomes an MQL) when both hold',
    required: ['minBehaviour', 'minGrade'],
    properties: { minBehaviour: { type: 'number', example: 60 }, minGrade: { type: 'string', enum: [...GRADES] } },
  })
  qualification!: QualificationRule;

  @ApiPropertyOptional({
    type: 'object',
    description: 'An MQL whose decayed behaviour score falls below coldBelow is recycled',
    required: ['coldBelow'],
    properties: { coldBelow: { type: 'number', example: 30 } },
  })
  decayThresholds?: DecayThresholds;
}

export class ModelSummaryDto implements ModelSummary {
  @ApiProperty({ example: '2' })
  version!: string;

  @ApiProperty({ description: 'The model’s id (the same across its versions)', example: 'default' })
  id!: string;

  @ApiProperty({ example: 'Default B2B SaaS model' })
  name!: string;

  @ApiProperty({ description: 'Whether new events are scored with this version (at most one is)' })
  active!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Last time it was activated' })
  activatedAt!: string | null;
}

export class ModelViewDto extends ModelSummaryDto implements ModelView {
  @ApiProperty({ type: ScoringModelDto })
  model!: ScoringModelDto;
}

export class ModelListDto {
  @ApiProperty({ type: [ModelSummaryDto], description: 'Oldest first' })
  models!: ModelSummaryDto[];
}
