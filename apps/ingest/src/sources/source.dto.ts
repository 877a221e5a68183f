import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { SOURCE_STATUSES, type Source, type SourceStatus } from './source.entity';
import type { IssuedCredentials, RotatedSigningSecret } from './sources.service';

export class CreateSourceDto {
  @ApiProperty({ example: 'HubSpot forms', maxLength: 200 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ default: false, description: 'Refuse requests without a valid X-Handoff-Signature' })
  @IsOptional()
  @IsBoolean()
  requireSignature?: boolean;
}

/** A source as the admin API shows it: never a key, a hash or a secret. */
export class SourceView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ example: 'hk_Xy3kQ9a', description: 'First characters of the write key, to tell keys apart' })
  keyPrefix!: string;

  @ApiProperty({ enum: SOURCE_STATUSES })
  status!: SourceStatus;

  @ApiProperty()
  requireSignature!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  revokedAt!: string | null;

  static of(source: Source): SourceView {
    return {
      id: source.id,
      name: source.name,
      keyPrefix: source.keyPrefix,
      status: source.status,
      requireSignature: source.requireSignature,
      createdAt: source.createdAt.toISOString(),
      revokedAt: source.revokedAt?.toISOString() ?? null,
    };
  }
}

/** Returned once, when credentials are issued; they cannot be shown again. */
export class IssuedSourceView extends SourceView {
  @ApiProperty({ description: 'The write key in clear; store it now, it is not retrievable later' })
  writeKey!: string;

  @ApiPropertyOptional({ description: 'Request-signing secret, issued when requireSignature is true' })
  signingSecret?: string;

  static issued(credentials: IssuedCredentials): IssuedSourceView {
    const view: IssuedSourceView = { ...SourceView.of(credentials.source), writeKey: credentials.writeKey };
    if (credentials.signingSecret) view.signingSecret = credentials.signingSecret;
    return view;
  }
}

/** Returned once, when a signing secret is rotated: the new secret cannot be shown again. */
export class RotatedSigningSecretView extends SourceView {
  @ApiProperty({ description: 'The new request-signing secret in clear; store it now, it is not retrievable later' })
  signingSecret!: string;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Until when requests signed with the previous secret are still accepted; null when there was none',
  })
  previousSigningSecretValidUntil!: string | null;

  static rotated(rotated: RotatedSigningSecret): RotatedSigningSecretView {
    return {
      ...SourceView.of(rotated.source),
      signingSecret: rotated.signingSecret,
      previousSigningSecretValidUntil: rotated.previousValidUntil?.toISOString() ?? null,
    };
  }
}
