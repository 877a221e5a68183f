/**
 * A JSON body handed to a service that validates it itself (a rep, a candidate model, a dry-run lead): restating
 * those DTOs here would drift, and the service's 400 names every failing field and passes through.
 */
export type ServiceBody = Record<string, unknown>;
