import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { AsyncApiDocument } from './asyncapi-document';

const DOCUMENT_ID = 'asyncapi.json';

/** One ajv error as a line: where (a JSON pointer, `/` for the whole value), what, and ajv's parameters. */
const describe = (error: ErrorObject): string =>
  `${error.instancePath || '/'}: ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`;

/**
 * Checks values against schemas of the AsyncAPI document with ajv (formats from ajv-formats). A schema is named by
 * its JSON pointer in the document, e.g. `#/components/messages/LeadScoredV1/payload`, so its $refs resolve as a
 * reader of the document would resolve them.
 */
export class DocumentSchemas {
  // Strict about unknown keywords and formats. Not about where `required` and `type` sit: rules between
  // properties (HasAtLeastOneOf's anyOf, IsCustomTypeOfActivity's if/then) apply to an object whose `type` and
  // `properties` the enclosing class schema declares, which ajv's strictTypes and strictRequired do not look at.
  private readonly ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
  });

  constructor(document: AsyncApiDocument) {
    addFormats(this.ajv);
    // The document's other parts (channels, operations, bindings) are not schemas; only `components` is referenced.
    this.ajv.addKeyword('components');
    this.ajv.addSchema({ $id: DOCUMENT_ID, components: document.components });
  }

  /** Every way `value` breaks the schema at `pointer`, one line each; empty when it conforms. */
  problems(pointer: string, value: unknown): string[] {
    const validate = this.ajv.getSchema(`${DOCUMENT_ID}${pointer}`);
    if (!validate) throw new Error(`The AsyncAPI document has no schema at ${pointer}`);
    return validate(value) ? [] : (validate.errors ?? []).map(describe);
  }
}
