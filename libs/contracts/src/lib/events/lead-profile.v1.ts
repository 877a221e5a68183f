import { IsIn, IsInt, IsOptional, Matches, Min } from 'class-validator';
import { SENIORITIES, type Seniority } from '@handoff/shared-vocabulary';
import { IsFlatRecord, type EventProperties } from '../validation/is-flat-record.validator';
import { IsOptionalEmail, IsText } from '../validation/field-rules';

const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const COUNTRY_PATTERN = /^[A-Z]{2}$/;

/**
 * What is known about the person and their company, for fit scoring and routing. Shared by the inbound
 * and recorded shapes; the recorded shape has no clear email (see `RecordedProfileV1`).
 */
export class ProfileAttributesV1 {
  @IsOptional()
  @IsText(128)
  firstName?: string;

  @IsOptional()
  @IsText(128)
  lastName?: string;

  @IsOptional()
  @IsText(256)
  title?: string;

  @IsOptional()
  @IsIn(SENIORITIES)
  seniority?: Seniority;

  @IsOptional()
  @IsText(256)
  company?: string;

  @IsOptional()
  @Matches(DOMAIN_PATTERN, { message: '$property must be a lower-case domain name such as acme.com' })
  companyDomain?: string;

  @IsOptional()
  @IsText(128)
  industry?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  employeeCount?: number;

  /** ISO 3166-1 alpha-2, upper case. */
  @IsOptional()
  @Matches(COUNTRY_PATTERN, { message: '$property must be an ISO 3166-1 alpha-2 code such as DE' })
  country?: string;

  @IsOptional()
  @IsFlatRecord()
  traits?: EventProperties;
}

/** A profile as a marketing tool sends it, email included. */
export class InboundProfileV1 extends ProfileAttributesV1 {
  @IsOptionalEmail()
  email?: string;
}

/** A profile as ingest publishes it: the clear email stays in ingest; its domain is what scoring needs. */
export class RecordedProfileV1 extends ProfileAttributesV1 {
  @IsOptional()
  @Matches(DOMAIN_PATTERN, { message: '$property must be a lower-case domain name such as acme.com' })
  emailDomain?: string;
}
