import { applyDecorators, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  type ApiOperationOptions,
  ApiProduces,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrorResponse, ApiErrorResponses } from '../http/api-error.response';
import { AdminOnly, RequireToken } from '../http/require-token.decorator';
import { type CsvImportResult, importStatusOf } from './csv-import-result';
import { CsvImportResultDto } from './csv-import-result.dto';
import { CSV_MEDIA_TYPE } from './csv-table';

/** How an import endpoint describes its answers; `partly` only where valid rows are written beside rejected ones. */
export interface CsvImportAnswers {
  imported: string;
  partly?: string;
  rejected: string;
  tooLarge: string;
}

/** Documents a CSV import: a text/csv body answered with a CsvImportResultDto (or an error body for the file). */
export const ApiCsvImport = (answers: CsvImportAnswers): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiExtraModels(ApiErrorResponse, CsvImportResultDto),
    ApiConsumes(CSV_MEDIA_TYPE),
    ApiBody({ schema: { type: 'string' }, description: 'The CSV file' }),
    ApiOkResponse({ type: CsvImportResultDto, description: answers.imported }),
    ...(answers.partly ? [ApiResponse({ status: 207, type: CsvImportResultDto, description: answers.partly })] : []),
    ApiResponse({
      status: 400,
      schema: { oneOf: [{ $ref: getSchemaPath(ApiErrorResponse) }, { $ref: getSchemaPath(CsvImportResultDto) }] },
      description: answers.rejected,
    }),
    ApiErrorResponses({ 413: answers.tooLarge }),
  );

/** Documents a CSV export answered as an attachment named `filename`. */
export const ApiCsvExport = (filename: string): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiProduces(CSV_MEDIA_TYPE),
    ApiOkResponse({ description: `${filename}, an attachment`, schema: { type: 'string' } }),
  );

/** Answers a CSV file as an attachment. */
export function sendCsv(response: Response, filename: string, csv: string): void {
  response
    .status(200)
    .setHeader('Content-Type', `${CSV_MEDIA_TYPE}; charset=utf-8`)
    .setHeader('Content-Disposition', `attachment; filename="${filename}"`)
    .send(csv);
}

/** `GET <file>`: a file export, for the read or the admin token. */
export const CsvExportRoute = (file: string, operation: ApiOperationOptions): MethodDecorator =>
  applyDecorators(Get(file), RequireToken('read', 'admin'), ApiOperation(operation), ApiCsvExport(file));

/** `POST <file>`: a file import, for the admin token, answered with `answerCsvImport`. */
export const CsvImportRoute = (
  file: string,
  operation: ApiOperationOptions,
  answers: CsvImportAnswers,
): MethodDecorator =>
  applyDecorators(Post(file), AdminOnly(), HttpCode(200), ApiOperation(operation), ApiCsvImport(answers));

/** The import's result, with the status `importStatusOf` gives it. */
export function answerCsvImport(response: Response, result: CsvImportResult): CsvImportResult {
  response.status(importStatusOf(result));
  return result;
}
