import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ContactDetails } from './contact-details';
import type { Erasure, LeadContact } from './contact-vault.service';

export class ContactDetailsView implements ContactDetails {
  @ApiPropertyOptional({ example: 'mary.jackson@example.com' })
  email?: string;

  @ApiPropertyOptional({ example: 'Mary' })
  firstName?: string;

  @ApiPropertyOptional({ example: 'Jackson' })
  lastName?: string;

  @ApiPropertyOptional({ example: '+1 555 0100' })
  phone?: string;

  @ApiPropertyOptional({ example: 'NACA' })
  company?: string;

  @ApiPropertyOptional({ example: 'Engineer' })
  title?: string;
}

/** A lead's clear contact details, for sales systems. */
export class LeadContactView {
  @ApiProperty({ format: 'uuid', description: 'The lead the details belong to: the requested one or its survivor' })
  leadId!: string;

  @ApiProperty({ type: ContactDetailsView, description: 'Each field as last set by an event; absent when never set' })
  contact!: ContactDetailsView;

  static of(lead: LeadContact): LeadContactView {
    return Object.assign(new LeadContactView(), lead);
  }
}

export class ErasureView {
  @ApiProperty({ format: 'uuid' })
  leadId!: string;

  @ApiProperty({ format: 'date-time', description: 'When the personal data was erased (the first time, if again)' })
  erasedAt!: string;

  @ApiProperty({ format: 'uuid', isArray: true, description: 'The lead and every lead merged with it' })
  erasedLeadIds!: string[];

  static of(erasure: Erasure): ErasureView {
    return Object.assign(new ErasureView(), { ...erasure, erasedAt: erasure.erasedAt.toISOString() });
  }
}
