// Ingest's JSON, passed through by the console (apps/ingest/openapi.json).

/** `GET /api/leads/:id/contact`: ingest's LeadContactView (admin only, audited). */
export interface LeadContact {
  leadId: string;
  contact: {
    email?: string;
    firstName?: string;
    lastName?: string;
    phone?: string;
    company?: string;
    title?: string;
  };
}
