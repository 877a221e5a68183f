import { createHash } from 'node:crypto';

/** Keys (compared lower-case, without "_" or "-") whose values are personal data. */
const PERSONAL_KEYS = new Set([
  'email',
  'emailaddress',
  'name',
  'firstname',
  'lastname',
  'fullname',
  'givenname',
  'familyname',
  'surname',
  'displayname',
  'phone',
  'phonenumber',
  'mobile',
  'mobilenumber',
  'ip',
  'ipaddress',
  'clientip',
  'remoteaddress',
  'address',
  'streetaddress',
]);

/** Also catches URL-encoded emails (`jane%40example.com`) found in logged paths and queries. */
const EMAIL_PATTERN = /[\w.%+-]+(?:@|%40)[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi;
const MAX_DEPTH = 12;

/**
 * A short stable digest: the same value gives the same token on every line and in every service,
 * so events about one person can be correlated without the value being readable.
 */
export function personalDataDigest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}

function maskEmail(email: string): string {
  return `<email:${personalDataDigest(email.replace(/%40/i, '@').toLowerCase())}>`;
}

/** Replaces every email-looking substring with its digest token. */
export function maskEmails(text: string): string {
  // The pattern scans a lot on long texts, and most log texts hold no email at all.
  if (!text.includes('@') && !/%40/i.test(text)) return text;
  return text.replace(EMAIL_PATTERN, maskEmail);
}

/** International numbers (`+33 6 12 34 56 78`) and North American ones (`(555) 123-4567`); dates and ids do not match. */
const PHONE_PATTERN = /(?:\+\d[\d ().-]{5,18}\d|\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b)/g;

/** Free text (an error message) with its emails and phone numbers replaced by digest tokens. */
export function maskPersonalText(text: string): string {
  return maskEmails(text).replace(PHONE_PATTERN, (phone) => `<phone:${personalDataDigest(phone.replace(/\D/g, ''))}>`);
}

/** Whether a key (a property, trait or log field name) names personal data: email, name, phone, ip, address… */
export function isPersonalKey(key: string): boolean {
  return PERSONAL_KEYS.has(key.toLowerCase().replace(/[_-]/g, ''));
}

function maskPersonalValue(key: string, value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || value === undefined || value === '') return value;
  // Objects (a structured address) are digested whole, via their JSON-safe form.
  const text = typeof value === 'object' ? JSON.stringify(maskNode(value, depth + 1, seen)) : String(value);
  const isEmailKey = key.toLowerCase().startsWith('email');
  return isEmailKey ? maskEmail(text) : `<masked:${personalDataDigest(text)}>`;
}

/**
 * Returns a JSON-safe copy of `value` with personal data replaced: values under personal keys
 * (email, name, phone, ip, address…) become digest tokens and emails inside any string are masked.
 * Errors become `{ name, message, stack }` with their texts masked.
 */
export function maskPersonalData(value: unknown): unknown {
  return maskNode(value, 0, new WeakSet());
}

function maskNode(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return maskEmails(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null) return typeof value === 'function' ? undefined : value;
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value)) return `<binary:${value.byteLength}B>`;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  try {
    if (value instanceof Error) return maskError(value);
    if (Array.isArray(value)) return value.map((item) => maskNode(item, depth + 1, seen));
    return maskObject(value as Record<string, unknown>, depth, seen);
  } finally {
    seen.delete(value);
  }
}

function maskObject(value: Record<string, unknown>, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const masked: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    masked[key] = isPersonalKey(key) ? maskPersonalValue(key, child, depth, seen) : maskNode(child, depth + 1, seen);
  }
  return masked;
}

/** Error names are class names, never personal data, so only message and stack are masked. */
export function maskError(error: Error): { name: string; message: string; stack?: string } {
  return {
    name: error.name,
    message: maskEmails(error.message),
    ...(error.stack ? { stack: maskEmails(error.stack) } : {}),
  };
}
