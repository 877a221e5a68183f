import { ServiceClient } from './service-client';

// One class per service and credential, so controllers inject the client they mean by type.
export class IngestClient extends ServiceClient {}
/** Ingest with the contact token: contact details only. */
export class IngestContactClient extends ServiceClient {}
export class ScoringClient extends ServiceClient {}
export class RoutingClient extends ServiceClient {}
export class QuotaClient extends ServiceClient {}
