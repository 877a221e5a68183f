import { readFileSync } from 'node:fs';
import { ACTIVITY_TYPES, type ActivityType } from '@handoff/shared-vocabulary';

/**
 * How Segment calls become Handoff activity types. Track event names are matched case- and
 * punctuation-insensitively ("Demo Requested", "demo_requested" and "demoRequested" are one name);
 * names not listed become `custom` with the name as `customType`. Page calls are page views, or pricing
 * page views when the path matches `pricingPathPattern`.
 */
export interface SegmentEventMapping {
  track: Record<string, ActivityType>;
  pricingPathPattern: string;
}

export const DEFAULT_SEGMENT_MAPPING: SegmentEventMapping = {
  track: {
    'Email Opened': 'email_open',
    'Email Link Clicked': 'email_click',
    'Email Clicked': 'email_click',
    'Form Submitted': 'form_submit',
    'Content Downloaded': 'content_download',
    'Webinar Registered': 'webinar_registered',
    'Webinar Attended': 'webinar_attended',
    'Demo Requested': 'demo_request',
    'Pricing Page Viewed': 'pricing_page_view',
    'Trial Started': 'trial_signup',
    'Signed Up': 'trial_signup',
    'Product Used': 'product_usage',
    'Feature Used': 'product_usage',
    Unsubscribed: 'unsubscribe',
    'Email Unsubscribed': 'unsubscribe',
    'Email Bounced': 'email_bounce',
  },
  pricingPathPattern: '^/pricing',
};

/** "Demo Requested", "demo_requested", "demoRequested" → "demorequested". */
export function normaliseEventName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The default mapping with a JSON file's entries on top (README "Segment mapping"); fails loudly at boot. */
export function loadSegmentMapping(overrideFile: string | undefined): SegmentEventMapping {
  if (!overrideFile) return DEFAULT_SEGMENT_MAPPING;
  const override = JSON.parse(readFileSync(overrideFile, 'utf8')) as Partial<SegmentEventMapping>;
  const mapping: SegmentEventMapping = {
    track: { ...DEFAULT_SEGMENT_MAPPING.track, ...override.track },
    pricingPathPattern: override.pricingPathPattern ?? DEFAULT_SEGMENT_MAPPING.pricingPathPattern,
  };
  const unknown = Object.entries(mapping.track).filter(([, type]) => !ACTIVITY_TYPES.includes(type));
  if (unknown.length > 0) {
    throw new Error(`${overrideFile}: unknown activity types for ${unknown.map(([name]) => `"${name}"`).join(', ')}`);
  }
  new RegExp(mapping.pricingPathPattern);
  return mapping;
}
