import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LeadLookupRequest {
  @ApiProperty({
    description: 'Normalised as identity resolution does (trimmed, lower-cased, +tag per INGEST_STRIP_PLUS_TAGS)',
    example: 'mary.jackson@example.com',
    maxLength: 320,
  })
  @IsString()
  @Length(3, 320)
  email!: string;
}

export class LeadLookupView {
  @ApiProperty({ format: 'uuid', description: 'The surviving lead: merges are followed' })
  leadId!: string;
}
