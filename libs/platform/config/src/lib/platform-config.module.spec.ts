import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { withRedis } from './config-fragments';
import { PlatformConfig } from './platform.config';
import { PlatformConfigModule } from './platform-config.module';
import { ConfigValidationError } from './validate-config';

class ExampleConfig extends withRedis(PlatformConfig) {
  override HTTP_PORT = 3199;
}

@Injectable()
class NeedsConfig {
  constructor(
    readonly config: ExampleConfig,
    readonly platform: PlatformConfig,
  ) {}
}

describe('PlatformConfigModule', () => {
  it('injects the validated, typed service config under its class and under PlatformConfig', async () => {
    const env = { REDIS_URL: 'redis://cache:6380', LOG_LEVEL: 'debug' };
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformConfigModule.forRoot(ExampleConfig, env)],
      providers: [NeedsConfig],
    }).compile();

    const { config, platform } = moduleRef.get(NeedsConfig);
    expect(config).toBeInstanceOf(ExampleConfig);
    expect(config).toMatchObject({ HTTP_PORT: 3199, LOG_LEVEL: 'debug', REDIS_URL: 'redis://cache:6380' });
    expect(platform).toBe(config);
    expect(moduleRef.get(ConfigService).get('HTTP_PORT')).toBe(3199);
  });

  it('throws the validation error while the module is being declared when a variable is bad', () => {
    expect(() => PlatformConfigModule.forRoot(ExampleConfig, { HTTP_PORT: 'not-a-port' })).toThrow(
      ConfigValidationError,
    );
  });

  it('reads process.env when no environment is passed', () => {
    const replaced = jest.replaceProperty(process, 'env', { HTTP_PORT: '4321' });
    try {
      const module = PlatformConfigModule.forRoot(PlatformConfig);
      expect(module.providers).toEqual([
        { provide: PlatformConfig, useValue: expect.objectContaining({ HTTP_PORT: 4321 }) },
      ]);
    } finally {
      replaced.restore();
    }
  });
});
