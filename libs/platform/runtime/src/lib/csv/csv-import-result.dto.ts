import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldIssueResponse } from '../http/api-error.response';
import type { CsvImportResult, CsvRowResult } from './csv-import-result';

export class CsvRowResultDto implements CsvRowResult {
  @ApiProperty({ description: 'The 1-based line the row starts on (the header is line 1)', example: 2 })
  row!: number;

  @ApiProperty({ description: 'The row’s id cell', example: 'ana-silva' })
  id!: string;

  @ApiProperty({ enum: ['imported', 'rejected'] })
  status!: 'imported' | 'rejected';

  @ApiPropertyOptional({
    type: [FieldIssueResponse],
    description: 'Rejected: every failing column and why ("(row)" for the row as a whole)',
  })
  errors?: FieldIssueResponse[];
}

export class CsvImportResultDto implements CsvImportResult {
  @ApiProperty({ description: 'Rows written' })
  imported!: number;

  @ApiProperty({ description: 'Rows rejected, nothing of them written' })
  rejected!: number;

  @ApiProperty({ type: [CsvRowResultDto], description: 'One result per data row, in file order' })
  rows!: CsvRowResultDto[];
}
