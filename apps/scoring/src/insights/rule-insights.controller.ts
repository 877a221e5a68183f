import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '@handoff/platform-runtime';
import { RuleInsightsDto } from './rule-insights.dto';
import { RuleInsightsService } from './rule-insights.service';

/** Which scoring rules are worth their points, from the outcomes sales reported. */
@ApiTags('models')
@Controller('models')
export class RuleInsightsController {
  constructor(private readonly insights: RuleInsightsService) {}

  @Get(':version/insights')
  @ApiParam({ name: 'version', description: 'The scoring model version whose rules to judge', example: '2' })
  @ApiOperation({
    summary: 'Per rule: conversion of leads that hit it versus the others, and suggested points',
    description:
      'From the labelled hand-offs (won, lost, rejected, or open past the horizon): lift with 95% intervals and ' +
      'counts per behaviour and fit rule, and a point value from a regularised logistic fit on all rules at once. ' +
      '`npm run scoring:suggest` turns the suggestions into a candidate model.',
  })
  @ApiOkResponse({ type: RuleInsightsDto })
  @ApiErrorResponses({ 404: 'No model has this version' })
  get(@Param('version') version: string): Promise<RuleInsightsDto> {
    return this.insights.insights(version);
  }
}
