import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AdminOnly, ApiErrorResponses } from '@handoff/platform-runtime';
import { DomainError } from '@handoff/shared-errors';
import type { ReencryptionCount } from './encrypted-table';
import { SecretReencryption } from './secret-reencryption.service';

class ReencryptionCountView implements ReencryptionCount {
  @ApiProperty({ description: 'Values moved from INGEST_SECRET_KEY_PREVIOUS to INGEST_SECRET_KEY' })
  reencrypted!: number;

  @ApiProperty({ description: 'Values neither key opens (each logged with its row id); 0 before removing the old key' })
  undecryptable!: number;
}

class ReencryptionReportView {
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ReencryptionCountView) },
    description: 'Per encrypted table',
  })
  tables!: Record<string, ReencryptionCountView>;
}

@ApiTags('admin: secret key')
@ApiExtraModels(ReencryptionCountView)
@Controller('admin/secret-key')
@AdminOnly()
export class AdminSecretKeyController {
  constructor(private readonly reencryption: SecretReencryption) {}

  @Post('reencrypt')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Re-encrypt every value still under INGEST_SECRET_KEY_PREVIOUS with INGEST_SECRET_KEY',
    description: 'Also runs at boot while INGEST_SECRET_KEY_PREVIOUS is set. Remove that setting once this reports 0.',
  })
  @ApiOkResponse({ type: ReencryptionReportView })
  @ApiErrorResponses({ 409: 'Another replica is running a pass right now: try again when it is done' })
  async reencrypt(): Promise<ReencryptionReportView> {
    const report = await this.reencryption.run();
    if (report.skipped) throw new DomainError('conflict', 'a re-encryption pass is already running on another replica');
    return { tables: report.tables };
  }
}
