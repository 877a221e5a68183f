import { formatDateTime, formatMoney, formatNumber, formatPercent, words } from './format';

describe('format', () => {
  it('shows an em dash for missing values', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatPercent(null)).toBe('—');
    expect(formatMoney(null, 'EUR')).toBe('—');
  });

  it('formats an instant in the locale, keeping text that is not a date', () => {
    const iso = '2026-03-01T10:00:00.000Z';
    expect(formatDateTime(iso)).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    );
    expect(formatDateTime('soon')).toBe('soon');
  });

  it('formats ratios as percentages and numbers to at most two decimals', () => {
    expect(formatPercent(0.5)).toBe(new Intl.NumberFormat(undefined, { style: 'percent' }).format(0.5));
    expect(formatNumber(1.23456)).toBe(new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(1.23));
  });

  it('turns codes into words', () => {
    expect(words('out_of_office')).toBe('out of office');
    expect(words('lead.contact.read')).toBe('lead contact read');
  });
});
