import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiErrorResponses } from '@handoff/platform-runtime';
import { CreateSourceDto, IssuedSourceView, RotatedSigningSecretView, SourceView } from './source.dto';
import { SourcesService } from './sources.service';

const BAD_ID = 'The id is not a UUID';
const UNKNOWN_ID = 'No source has this id';

@ApiTags('admin: sources')
@Controller('admin/sources')
@AdminOnly()
export class AdminSourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Post()
  @ApiCreatedResponse({ type: IssuedSourceView, description: 'The write key and signing secret appear only here' })
  @ApiErrorResponses({ 400: 'The body is invalid (or not JSON): errors lists every failing field and why' })
  async create(@Body() body: CreateSourceDto): Promise<IssuedSourceView> {
    const issued = await this.sources.create({ name: body.name, requireSignature: body.requireSignature ?? false });
    return IssuedSourceView.issued(issued);
  }

  @Get()
  @ApiOkResponse({ type: SourceView, isArray: true })
  async list(): Promise<SourceView[]> {
    return (await this.sources.list()).map((source) => SourceView.of(source));
  }

  @Get(':id')
  @ApiOkResponse({ type: SourceView })
  @ApiErrorResponses({ 400: BAD_ID, 404: UNKNOWN_ID })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<SourceView> {
    return SourceView.of(await this.sources.get(id));
  }

  @Post(':id/revoke')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SourceView, description: 'The revoked source; revoking it again keeps its first revokedAt' })
  @ApiErrorResponses({ 400: BAD_ID, 404: UNKNOWN_ID })
  async revoke(@Param('id', ParseUUIDPipe) id: string): Promise<SourceView> {
    return SourceView.of(await this.sources.revoke(id));
  }

  @Post(':id/rotate-key')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: IssuedSourceView, description: 'The new write key; the previous one stops working' })
  @ApiErrorResponses({ 400: BAD_ID, 404: UNKNOWN_ID, 409: 'The source is revoked: create a new source instead' })
  async rotateKey(@Param('id', ParseUUIDPipe) id: string): Promise<IssuedSourceView> {
    return IssuedSourceView.issued(await this.sources.rotateKey(id));
  }

  @Post(':id/signing-secret/rotate')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: RotatedSigningSecretView,
    description:
      'The new signing secret (shown only here); the previous one stays valid for INGEST_SIGNING_SECRET_GRACE_SECONDS',
  })
  @ApiErrorResponses({ 400: BAD_ID, 404: UNKNOWN_ID, 409: 'The source is revoked: create a new source instead' })
  async rotateSigningSecret(@Param('id', ParseUUIDPipe) id: string): Promise<RotatedSigningSecretView> {
    return RotatedSigningSecretView.rotated(await this.sources.rotateSigningSecret(id));
  }
}
