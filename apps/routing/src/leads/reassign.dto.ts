import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIdentifier } from '@handoff/contracts';
import { IsOptional } from 'class-validator';
import { IsTrimmedText } from '../directory/validation/directory-field-rules';

/** A sales manager's move of a lead. */
export class ReassignBodyDto {
  @ApiPropertyOptional({
    example: 'bo-chen',
    description:
      'The rep to move the lead to: must exist and be active; hours, caps and availability are not enforced (the ' +
      'trace lists what was bypassed). Without it, the next eligible rep of the lead’s pool by its strategy, ' +
      'excluding every rep who had the lead.',
  })
  @IsOptional()
  @IsIdentifier()
  repId?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'Bo speaks German and knows the account',
    description: 'Why, quoted in the assignment’s reason and the lead.routed.v1 event',
  })
  @IsOptional()
  @IsTrimmedText(200)
  reason?: string;
}
