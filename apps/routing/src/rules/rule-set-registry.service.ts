import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { parseRoutingRules, validateRoutingRules, type RoutingRuleSet } from '@handoff/domain-routing';
import { type StoredVersion, type VersionRecord, VersionedDocuments } from '@handoff/platform-database';
import { DomainError, fieldIssuesOf } from '@handoff/shared-errors';
import { DataSource, type EntityManager } from 'typeorm';
import { DirectoryStore } from '../directory/directory.store';
import { knownRecordsOf, unknownReferences } from './rule-set-references';
import { DEFAULT_RULE_SET_TOKEN } from './rule-set-file';

/** `GET /routing/rules/active` is a route of its own, so no stored version may be called that. */
const RESERVED_VERSION = 'active';
const WHOLE_DOCUMENT = '(rules)';

export interface RuleSetSummary {
  version: string;
  active: boolean;
  createdAt: string;
  activatedAt: string | null;
}

export interface RuleSetView extends RuleSetSummary {
  ruleSet: RoutingRuleSet;
}

export interface RuleSetList {
  ruleSets: RuleSetSummary[];
  /** The version decisions use now. */
  activeVersion: string;
  /** The version of the shipped default (apps/routing/rules/default-rules.yaml). */
  defaultVersion: string;
}

/** The rule set decisions use; `activatedAt` is null for the shipped default served before it was ever stored. */
export interface ActiveRuleSet {
  version: string;
  activatedAt: string | null;
  ruleSet: RoutingRuleSet;
}

/**
 * Routing rule sets (the rule_sets table): immutable per version, at most one active, every pool and territory they
 * name in the directory when stored and when activated. Which version is active is read from the database each time,
 * so an activation on one replica takes effect on every replica at its next decision.
 */
@Injectable()
export class RuleSetRegistry {
  private readonly logger = new Logger(RuleSetRegistry.name);
  private readonly ruleSets: VersionedDocuments<RoutingRuleSet>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryStore,
    @Inject(DEFAULT_RULE_SET_TOKEN) private readonly defaultRuleSet: RoutingRuleSet,
  ) {
    this.ruleSets = new VersionedDocuments<RoutingRuleSet>(dataSource, {
      table: 'rule_sets',
      kind: 'routing rule set',
      wholeDocumentField: WHOLE_DOCUMENT,
      validate: (json) => {
        const validation = validateRoutingRules(json);
        return validation.ok ? { ok: true, document: validation.ruleSet } : validation;
      },
      parse: parseRoutingRules,
      versionOf: (ruleSet) => ruleSet.version,
    });
  }

  /** The active rule set as the caller's transaction sees it; the shipped default when none was ever activated. */
  async active(manager: EntityManager = this.dataSource.manager): Promise<RoutingRuleSet> {
    return (await this.ruleSets.active(manager)) ?? this.defaultRuleSet;
  }

  async list(): Promise<RuleSetList> {
    const records = await this.ruleSets.list();
    return {
      ruleSets: records.map(summaryOf),
      activeVersion: records.find((record) => record.active)?.version ?? this.defaultRuleSet.version,
      defaultVersion: this.defaultRuleSet.version,
    };
  }

  async activeView(): Promise<ActiveRuleSet> {
    const active = (await this.ruleSets.list()).find((record) => record.active);
    if (!active) return { version: this.defaultRuleSet.version, activatedAt: null, ruleSet: this.defaultRuleSet };
    const { ruleSet, activatedAt } = await this.get(active.version);
    return { version: active.version, activatedAt, ruleSet };
  }

  async get(version: string): Promise<RuleSetView> {
    return viewOf(await this.ruleSets.get(version));
  }

  /**
   * Validates and stores a new version (inactive): 400 listing every problem, pools and territories missing from the
   * directory among them; 409 if the version exists.
   */
  async create(json: unknown): Promise<RuleSetView> {
    const known = knownRecordsOf(await this.directory.snapshot());
    const version = (json as { version?: unknown } | null)?.version;
    const reserved = version === RESERVED_VERSION ? [`version: "${RESERVED_VERSION}" is reserved`] : [];
    return viewOf(await this.ruleSets.create(json, [...reserved, ...unknownReferences(json, known)]));
  }

  /**
   * Makes `version` the one the decisions use; activating an older version is the rollback. 409 when a pool or
   * territory it names has left the directory since it was stored.
   */
  async activate(version: string): Promise<RuleSetView> {
    const activated = await this.ruleSets.activate(version, async (ruleSet, manager) => {
      const unknown = unknownReferences(ruleSet, knownRecordsOf(await this.directory.snapshot(manager)));
      if (unknown.length === 0) return;
      const message = `routing rule set ${JSON.stringify(version)} names records not in the directory`;
      throw new DomainError('conflict', message, { details: fieldIssuesOf(unknown, WHOLE_DOCUMENT) });
    });
    this.logger.log({ msg: 'routing rule set activated', version });
    return viewOf(activated);
  }

  /**
   * Stores and activates the shipped default unless some version is active, so it is listed and can be rolled back
   * to; safe for replicas. Warns when a stored version of the default's name holds other rules.
   */
  async ensureActiveRuleSet(): Promise<void> {
    if (await this.ruleSets.activateIfNoneActive(this.defaultRuleSet)) {
      this.logger.log({ msg: 'default routing rule set activated', version: this.defaultRuleSet.version });
      return;
    }
    await this.ruleSets.insert(this.defaultRuleSet);
    const stored = await this.ruleSets.get(this.defaultRuleSet.version);
    if (!isDeepStrictEqual(stored.document, this.defaultRuleSet)) {
      this.logger.warn({
        msg: 'the shipped default rules differ from the stored version of the same name: give the file a new version',
        version: this.defaultRuleSet.version,
      });
    }
  }
}

function summaryOf(record: VersionRecord): RuleSetSummary {
  return {
    version: record.version,
    active: record.active,
    createdAt: record.createdAt.toISOString(),
    activatedAt: record.activatedAt?.toISOString() ?? null,
  };
}

function viewOf(stored: StoredVersion<RoutingRuleSet>): RuleSetView {
  return { ...summaryOf(stored), ruleSet: stored.document };
}
