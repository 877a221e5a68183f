import type { DirectoryRecords } from '../directory/directory.store';

/** The directory ids a rule set may name. */
export interface KnownRecords {
  pools: ReadonlySet<string>;
  territories: ReadonlySet<string>;
}

export function knownRecordsOf(directory: Pick<DirectoryRecords, 'pools' | 'territories'>): KnownRecords {
  return {
    pools: new Set(directory.pools.map((pool) => pool.id)),
    territories: new Set(directory.territories.map((territory) => territory.id)),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * Every pool and territory a rule set names that the directory lacks, as `path: reason`. Reads the document as sent
 * (valid or not), so one 400 lists these beside the document's own problems; malformed parts are left to validation.
 */
export function unknownReferences(json: unknown, known: KnownRecords): string[] {
  if (!isRecord(json)) return [];
  const issues: string[] = [];
  const pool = (path: string, value: unknown) => {
    if (isId(value) && !known.pools.has(value)) issues.push(`${path}: pool ${value} is not in the directory`);
  };
  const rules = Array.isArray(json.rules) ? json.rules : [];
  rules.forEach((rule, index) => {
    if (!isRecord(rule)) return;
    pool(`rules[${index}].pool`, rule.pool);
    const territories = isRecord(rule.when) && Array.isArray(rule.when.territories) ? rule.when.territories : [];
    for (const territory of territories) {
      if (isId(territory) && !known.territories.has(territory)) {
        issues.push(`rules[${index}].when.territories: territory ${territory} is not in the directory`);
      }
    }
  });
  if (isRecord(json.fallback)) pool('fallback.pool', json.fallback.pool);
  return issues;
}
