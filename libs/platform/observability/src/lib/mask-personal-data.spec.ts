import { maskPersonalData, maskPersonalText, personalDataDigest } from './mask-personal-data';

const EMAIL = 'Jane.Doe+crm@Example.co.uk';

function serialized(value: unknown): string {
  return JSON.stringify(maskPersonalData(value));
}

describe('maskPersonalData', () => {
  it('replaces an email inside free text with a stable digest token', () => {
    const masked = maskPersonalData(`identify failed for ${EMAIL}, retrying`);

    expect(masked).toBe(`identify failed for <email:${personalDataDigest(EMAIL.toLowerCase())}>, retrying`);
  });

  it('gives the same token for the same email whatever its case, so lines stay correlatable', () => {
    expect(maskPersonalData(EMAIL)).toBe(maskPersonalData(EMAIL.toUpperCase()));
    expect(maskPersonalData(EMAIL)).not.toBe(maskPersonalData('someone.else@example.com'));
  });

  it('masks URL-encoded emails found in paths and query strings', () => {
    expect(maskPersonalData('/leads?email=jane%40example.com')).toBe(maskPersonalData('/leads?email=jane@example.com'));
    expect(serialized('/leads?email=jane%40example.com')).not.toMatch(/jane/);
  });

  it('masks the values of personal keys in nested objects and arrays, whatever their spelling', () => {
    const masked = serialized({
      lead: {
        first_name: 'Jane',
        LastName: 'Doe',
        'phone-number': '+44 20 7946 0958',
        ipAddress: '203.0.113.7',
        address: { street: '1 Main St', city: 'Leeds' },
        contacts: [{ email: EMAIL }],
      },
    });

    for (const secret of ['Jane', 'Doe', '7946', '203.0.113.7', 'Main St', 'Leeds', 'Example']) {
      expect(masked).not.toContain(secret);
    }
    expect(masked).toContain('<masked:');
    expect(masked).toContain(`<email:${personalDataDigest(EMAIL.toLowerCase())}>`);
  });

  it('keeps non-personal fields readable', () => {
    expect(maskPersonalData({ leadId: 'lead-1', score: 42, topicName: 'lead.scored.v1', ok: true })).toEqual({
      leadId: 'lead-1',
      score: 42,
      topicName: 'lead.scored.v1',
      ok: true,
    });
  });

  it('masks emails in error messages and stacks but keeps the error name', () => {
    const masked = maskPersonalData({ cause: new TypeError(`duplicate lead ${EMAIL}`) }) as {
      cause: { name: string; message: string; stack: string };
    };

    expect(masked.cause.name).toBe('TypeError');
    expect(masked.cause.message).toMatch(/^duplicate lead <email:[0-9a-f]{12}>$/);
    expect(JSON.stringify(masked)).not.toContain('Example.co.uk');
  });

  it('turns circular references, bigints and buffers into JSON-safe values', () => {
    const node: Record<string, unknown> = { id: 1n, payload: Buffer.from('abc') };
    node['self'] = node;

    expect(maskPersonalData(node)).toEqual({ id: '1', payload: '<binary:3B>', self: '[Circular]' });
  });
});

describe('maskPersonalText', () => {
  it('replaces emails and international or North American phone numbers with digest tokens', () => {
    const masked = maskPersonalText('lead jane@example.com called +33 6 12 34 56 78 and (555) 123-4567');

    expect(masked).not.toMatch(/jane|example\.com|12 34 56|123-4567/);
    expect(masked).toContain(`<phone:${personalDataDigest('33612345678')}>`);
  });

  it('leaves dates, offsets, uuids and SQLSTATE codes readable', () => {
    const text = 'at 2024-01-31T10:00:00Z offset 9007199254740993 id 3f2b8c1e-4a5d-4e6f-8a7b-1c2d3e4f5a6b code 22P05';

    expect(maskPersonalText(text)).toBe(text);
  });
});
