import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIdentifier } from '@handoff/contracts';
import type { Account } from '@handoff/domain-routing';
import { IsDomainList, IsTrimmedText } from '../validation/directory-field-rules';

/** An account as PUT /accounts/:id (and each row of an accounts CSV) writes it: the whole account. */
export class AccountBodyDto {
  @ApiPropertyOptional({ description: 'Must equal the id in the path when given', example: 'acme' })
  @IsOptional()
  @IsIdentifier()
  id?: string;

  @ApiProperty({ description: 'The company name leads are matched against', example: 'Acme Corporation' })
  @IsTrimmedText(200)
  name!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Domains the account owns, each owned by one account at most; stored lower-case',
    example: ['acme.com', 'acme.de'],
  })
  @IsOptional()
  @IsDomainList()
  domains?: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The rep who owns the account',
    example: 'ana-silva',
  })
  @IsOptional()
  @IsIdentifier()
  ownerRepId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'enterprise' })
  @IsOptional()
  @IsTrimmedText(64)
  segment?: string | null;
}

/** An account as the directory answers it: exactly the Account routing matches leads against. */
export class AccountDto implements Account {
  @ApiProperty({ example: 'acme' })
  id!: string;

  @ApiProperty({ example: 'Acme Corporation' })
  name!: string;

  @ApiProperty({ type: [String], description: 'Sorted, lower-case' })
  domains!: string[];

  @ApiPropertyOptional({ example: 'ana-silva' })
  ownerRepId?: string;

  @ApiPropertyOptional({ example: 'enterprise' })
  segment?: string;
}

export class AccountListDto {
  @ApiProperty({ type: [AccountDto], description: 'By id' })
  accounts!: AccountDto[];
}

/** The account a validated body describes, as it is stored and answered. */
export function accountOf(id: string, body: AccountBodyDto): Account {
  return {
    id,
    name: body.name,
    domains: [...(body.domains ?? [])].sort(),
    ...(body.ownerRepId == null ? {} : { ownerRepId: body.ownerRepId }),
    ...(body.segment == null ? {} : { segment: body.segment }),
  };
}
