import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiErrorResponses, ApiJsonOrYamlBody } from '@handoff/platform-runtime';
import { ModelRegistry } from './model-registry.service';
import { ModelListDto, ModelViewDto, ScoringModelDto } from './model-view.dto';

const VersionParam = () => ApiParam({ name: 'version', description: 'The model version', example: '2' });

/** Scoring models as versioned configuration: store a version, list, read, activate (or roll back to) one. */
@ApiTags('models')
@Controller('models')
export class ModelsController {
  constructor(private readonly models: ModelRegistry) {}

  @Post()
  @AdminOnly()
  @ApiOperation({
    summary: 'Store a new model version (inactive)',
    description:
      'The body is the scoring model itself, as JSON or YAML (see apps/scoring/models/default-model.yaml). ' +
      'A 400 lists every invalid field of the model.',
  })
  @ApiJsonOrYamlBody(ScoringModelDto, 'A scoring model with a version not stored yet')
  @ApiCreatedResponse({ type: ModelViewDto, description: 'The stored version, inactive' })
  @ApiErrorResponses({ 400: 'The model is invalid (or not JSON/YAML)', 409: 'The version exists' })
  create(@Body() body: unknown): Promise<ModelViewDto> {
    return this.models.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'Every stored version, oldest first, with which one is active' })
  @ApiOkResponse({ type: ModelListDto })
  async list(): Promise<ModelListDto> {
    return { models: await this.models.list() };
  }

  @Get(':version')
  @VersionParam()
  @ApiOperation({ summary: 'One version with its whole model' })
  @ApiOkResponse({ type: ModelViewDto })
  @ApiErrorResponses({ 404: 'No model has this version' })
  get(@Param('version') version: string): Promise<ModelViewDto> {
    return this.models.get(version);
  }

  @Post(':version/activate')
  @AdminOnly()
  @HttpCode(200)
  @VersionParam()
  @ApiOperation({
    summary: 'Make this version the one new events are scored with',
    description: 'Activating an older version is the rollback.',
  })
  @ApiOkResponse({ type: ModelViewDto, description: 'The version, now active' })
  @ApiErrorResponses({ 404: 'No model has this version' })
  activate(@Param('version') version: string): Promise<ModelViewDto> {
    return this.models.activate(version);
  }
}
