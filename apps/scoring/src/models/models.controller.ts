import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { AdminTokenGuard } from '@handoff/platform-runtime';
import { ModelRegistry, type ModelSummary, type ModelView } from './model-registry.service';

/** Scoring models as versioned configuration: store a version, list, read, activate (or roll back to) one. */
@Controller('models')
export class ModelsController {
  constructor(private readonly models: ModelRegistry) {}

  /** The body is the model itself, as JSON or YAML; it is stored inactive. */
  @Post()
  @UseGuards(AdminTokenGuard)
  create(@Body() body: unknown): Promise<ModelView> {
    return this.models.create(body);
  }

  @Get()
  async list(): Promise<{ models: ModelSummary[] }> {
    return { models: await this.models.list() };
  }

  @Get(':version')
  get(@Param('version') version: string): Promise<ModelView> {
    return this.models.get(version);
  }

  /** Also the rollback: activating an older version makes it the one new events are scored with. */
  @Post(':version/activate')
  @UseGuards(AdminTokenGuard)
  @HttpCode(200)
  activate(@Param('version') version: string): Promise<ModelView> {
    return this.models.activate(version);
  }
}
