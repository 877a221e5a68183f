import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiErrorResponses, ApiJsonOrYamlBody, RequireToken } from '@handoff/platform-runtime';
import { RuleSetRegistry } from './rule-set-registry.service';
import { ActiveRuleSetDto, RoutingRuleSetDto, RuleSetListDto, RuleSetViewDto } from './rule-set-view.dto';

const VersionParam = () => ApiParam({ name: 'version', description: 'The rule set version', example: '2' });

/** Routing rules as versioned configuration: store a version, list, read, activate (or roll back to) one. */
@ApiTags('rules')
@Controller('routing/rules')
export class RulesController {
  constructor(private readonly ruleSets: RuleSetRegistry) {}

  @Post()
  @AdminOnly()
  @ApiOperation({
    summary: 'Store a new rule set version (inactive)',
    description:
      'The body is the rule set itself, as JSON or YAML (see apps/routing/rules/default-rules.yaml). A 400 lists ' +
      'every invalid field, including each pool or territory the directory does not have.',
  })
  @ApiJsonOrYamlBody(RoutingRuleSetDto, 'A rule set with a version not stored yet')
  @ApiCreatedResponse({ type: RuleSetViewDto, description: 'The stored version, inactive' })
  @ApiErrorResponses({
    400: 'The rule set is invalid (or not JSON/YAML), or names pools or territories not in the directory',
    409: 'The version exists',
  })
  create(@Body() body: unknown): Promise<RuleSetViewDto> {
    return this.ruleSets.create(body);
  }

  @Get()
  @RequireToken('read', 'admin')
  @ApiOperation({ summary: 'Every stored version, oldest first, with the one in use and the shipped default’s' })
  @ApiOkResponse({ type: RuleSetListDto })
  list(): Promise<RuleSetListDto> {
    return this.ruleSets.list();
  }

  @Get('active')
  @RequireToken('read', 'admin')
  @ApiOperation({ summary: 'The rule set decisions use now' })
  @ApiOkResponse({ type: ActiveRuleSetDto })
  active(): Promise<ActiveRuleSetDto> {
    return this.ruleSets.activeView();
  }

  @Get(':version')
  @RequireToken('read', 'admin')
  @VersionParam()
  @ApiOperation({ summary: 'One version with its whole rule set' })
  @ApiOkResponse({ type: RuleSetViewDto })
  @ApiErrorResponses({ 404: 'No rule set has this version' })
  get(@Param('version') version: string): Promise<RuleSetViewDto> {
    return this.ruleSets.get(version);
  }

  @Post(':version/activate')
  @AdminOnly()
  @HttpCode(200)
  @VersionParam()
  @ApiOperation({
    summary: 'Make this version the one decisions use',
    description:
      'Activating an older version is the rollback. Every pool and territory it names must still be in the directory.',
  })
  @ApiOkResponse({ type: RuleSetViewDto, description: 'The version, now active' })
  @ApiErrorResponses({
    404: 'No rule set has this version',
    409: 'It names pools or territories no longer in the directory: errors lists each',
  })
  activate(@Param('version') version: string): Promise<RuleSetViewDto> {
    return this.ruleSets.activate(version);
  }
}
