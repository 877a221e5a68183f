import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModelRegistry } from './model-registry.service';

/** The service always scores with a stored, visible model: the shipped default until someone activates another. */
@Injectable()
export class ModelBootstrap implements OnApplicationBootstrap {
  constructor(private readonly models: ModelRegistry) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.models.ensureActiveModel();
  }
}
