import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { AdminTokenGuard } from '@handoff/platform-runtime';
import { CreateSourceDto, IssuedSourceView, SourceView } from './source.dto';
import { SourcesService } from './sources.service';

@ApiTags('admin: sources')
@ApiBearerAuth()
@Controller('admin/sources')
@UseGuards(AdminTokenGuard)
export class AdminSourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Post()
  @ApiCreatedResponse({ type: IssuedSourceView, description: 'The write key and signing secret appear only here' })
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
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<SourceView> {
    return SourceView.of(await this.sources.get(id));
  }

  @Post(':id/revoke')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SourceView })
  async revoke(@Param('id', ParseUUIDPipe) id: string): Promise<SourceView> {
    return SourceView.of(await this.sources.revoke(id));
  }

  @Post(':id/rotate-key')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: IssuedSourceView, description: 'The new write key; the previous one stops working' })
  async rotateKey(@Param('id', ParseUUIDPipe) id: string): Promise<IssuedSourceView> {
    return IssuedSourceView.issued(await this.sources.rotateKey(id));
  }
}
