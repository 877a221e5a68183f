import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SALES_OUTCOMES, type SalesOutcome } from '@handoff/shared-vocabulary';
import { parse as parseYaml } from 'yaml';

/** The outcome fields a mapping may fill from a payload (the outcome itself comes from the stage). */
export const MAPPABLE_FIELDS = [
  'messageId',
  'leadId',
  'occurredAt',
  'repId',
  'dealId',
  'amount',
  'currency',
  'reason',
] as const;
type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** How one CRM's webhook payload becomes one sales outcome: dot paths per field, and stage → outcome. */
export interface CrmMapping {
  fields: Partial<Record<MappableField, string>>;
  outcome: { from: string; values: Record<string, SalesOutcome> };
}

export type CrmMappings = Record<string, CrmMapping>;

/** Injection token of the mappings loaded at boot. */
export const CRM_MAPPINGS = Symbol('CRM_MAPPINGS');

/** A payload turned into the outcome API's body, or left out because its stage is not an outcome. */
export type MappedPayload = { outcome: Record<string, unknown> } | { ignored: string };

const SHIPPED_MAPPINGS_FILE = 'crm-mappings.yaml';

/**
 * apps/ingest/mappings/crm-mappings.yaml, the shipped example; the built app carries it beside main.js (webpack
 * copies the folder to `mappings/`), code run from source reads it in place.
 */
export function shippedCrmMappingsFile(): string {
  const built = join(__dirname, 'mappings', SHIPPED_MAPPINGS_FILE);
  return existsSync(built) ? built : join(__dirname, '../../mappings', SHIPPED_MAPPINGS_FILE);
}

/** The shipped mappings with a file's on top (same name replaces); anything malformed fails the boot, naming it. */
export function loadCrmMappings(overrideFile?: string): CrmMappings {
  const shipped = parseMappingsFile(shippedCrmMappingsFile());
  return overrideFile ? { ...shipped, ...parseMappingsFile(overrideFile) } : shipped;
}

function parseMappingsFile(file: string): CrmMappings {
  const document: unknown = parseYaml(readFileSync(file, 'utf8'));
  if (!isRecord(document)) throw new Error(`${file}: expected named mappings`);
  return Object.fromEntries(
    Object.entries(document).map(([name, mapping]) => [name, checkedMapping(mapping, `${file}: ${name}`)]),
  );
}

function checkedMapping(value: unknown, where: string): CrmMapping {
  if (!isRecord(value) || !isRecord(value['fields']) || !isRecord(value['outcome'])) {
    throw new Error(`${where}: a mapping has "fields" and "outcome"`);
  }
  const unknownFields = Object.keys(value['fields']).filter(
    (field) => !MAPPABLE_FIELDS.includes(field as MappableField),
  );
  if (unknownFields.length > 0) throw new Error(`${where}: unknown fields ${unknownFields.join(', ')}`);
  const { from, values } = value['outcome'];
  if (typeof from !== 'string' || !isRecord(values)) throw new Error(`${where}: outcome needs "from" and "values"`);
  const wrong = Object.entries(values).filter(([, outcome]) => !SALES_OUTCOMES.includes(outcome as SalesOutcome));
  if (wrong.length > 0) {
    throw new Error(
      `${where}: stages ${wrong.map(([stage]) => stage).join(', ')} map to no outcome (${SALES_OUTCOMES.join(', ')})`,
    );
  }
  return value as unknown as CrmMapping;
}

/**
 * The outcome a payload stands for. Missing values are left out, so validation names them; an amount sent as
 * a decimal string (as many CRMs do) becomes a number.
 */
export function mapCrmPayload(mapping: CrmMapping, payload: unknown): MappedPayload {
  const stage = valueAt(payload, mapping.outcome.from);
  const outcome = typeof stage === 'string' ? mapping.outcome.values[stage] : undefined;
  if (outcome === undefined) return { ignored: `stage ${JSON.stringify(stage ?? null)} is not an outcome` };
  const fields = Object.entries(mapping.fields).flatMap(([field, path]) => {
    const value = valueAt(payload, path);
    if (value === undefined || value === null) return [];
    return [[field, field === 'amount' ? asNumber(value) : value]];
  });
  return { outcome: { ...Object.fromEntries(fields), outcome } };
}

function valueAt(payload: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), payload);
}

function asNumber(value: unknown): unknown {
  return typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
