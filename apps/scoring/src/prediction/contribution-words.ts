import { type FeatureContribution, RECENCY_CAP_DAYS } from '@handoff/domain-prediction';

/**
 * One contribution in words, its value undone back to what a reader knows (the definition feeds the model log
 * counts and scaled days), e.g. "3 demo requests raise the chance" or "industry is not software: lowers the
 * chance", so a rep or a marketer reads why without knowing the feature encoding.
 */
export function contributionInWords(entry: FeatureContribution): string {
  const effect = entry.contribution >= 0 ? 'raises the chance' : 'lowers the chance';
  return `${describeFeature(entry.feature, entry.value)}: ${effect}`;
}

function describeFeature(feature: string, value: number): string {
  const [kind, name] = splitOnce(feature);
  switch (kind) {
    case 'count':
      return `${Math.round(Math.expm1(value))} × ${readable(name)}`;
    case 'days_since':
      return value >= 1
        ? `no ${readable(name)} in ${RECENCY_CAP_DAYS} days`
        : `last ${readable(name)} ${Math.round(value * RECENCY_CAP_DAYS)} days ago`;
    case 'velocity_7d':
      return `recent engagement pace ${Math.expm1(value).toFixed(1)} (decayed events, 7-day half-life)`;
    case 'days_since_first':
      return `first engaged ${Math.round(Math.expm1(value))} days ago`;
    case 'behaviour':
      return `${round(value)} behaviour points in ${readable(name)}`;
    case 'fit_score':
      return `fit score ${round(value)}`;
    case 'company_size':
      return `${value === 1 ? '' : 'not '}${name} employees`;
    default:
      return `${readable(kind)} ${value === 1 ? 'is' : 'is not'} ${readable(name)}`;
  }
}

function splitOnce(feature: string): [string, string] {
  const colon = feature.indexOf(':');
  return colon === -1 ? [feature, ''] : [feature.slice(0, colon), feature.slice(colon + 1)];
}

const readable = (name: string) => name.replace(/_/g, ' ');
const round = (value: number) => Math.round(value * 10) / 10;
