import type { AccountMatch, LeadToRoute } from '../decision.types';
import type { Account } from '../directory.types';
import { nameSimilarity, normaliseCompanyName } from './company-name';
import { isFreeMailDomain } from './free-mail-domains';

/** Confidence of each kind of evidence; a fuzzy match scales its similarity down so it never outranks the others. */
const EXACT_DOMAIN_CONFIDENCE = 1;
const NORMALISED_NAME_CONFIDENCE = 0.9;
const FUZZY_NAME_WEIGHT = 0.8;

type Evidence = AccountMatch['reasons'][number] & { confidence: number };

interface LeadIdentity {
  domains: { label: string; domain: string }[];
  company?: string;
  normalisedName: string;
}

/**
 * The account the lead most likely belongs to: by its company or email domain (or a subdomain of an account's),
 * its normalised company name, or a company name at least `minSimilarity` alike. Highest confidence wins; on a tie
 * the account listed first. Free-mail domains never match.
 */
export function matchAccount(
  lead: LeadToRoute,
  accounts: readonly Account[],
  minSimilarity: number,
): AccountMatch | undefined {
  const identity = identityOf(lead);
  let best: AccountMatch | undefined;
  for (const account of accounts) {
    const evidence = evidenceFor(account, identity, minSimilarity);
    if (evidence.length === 0) continue;
    const confidence = Math.max(...evidence.map((item) => item.confidence));
    if (best && best.confidence >= confidence) continue;
    best = {
      accountId: account.id,
      ...(account.ownerRepId === undefined ? {} : { ownerRepId: account.ownerRepId }),
      ...(account.segment === undefined ? {} : { segment: account.segment }),
      confidence,
      reasons: evidence.map(({ reason, detail }) => ({ reason, detail })),
    };
  }
  return best;
}

const cleanDomain = (domain: string): string =>
  domain
    .trim()
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');

function identityOf(lead: LeadToRoute): LeadIdentity {
  const domains = [
    { label: 'company domain', domain: cleanDomain(lead.companyDomain ?? '') },
    { label: 'email domain', domain: cleanDomain(lead.emailDomain ?? '') },
  ].filter(({ domain }, index, all) => {
    const repeated = all.findIndex((other) => other.domain === domain) < index;
    return domain !== '' && !repeated && !isFreeMailDomain(domain);
  });
  const company = lead.company?.trim();
  return { domains, company, normalisedName: company ? normaliseCompanyName(company) : '' };
}

function evidenceFor(account: Account, identity: LeadIdentity, minSimilarity: number): Evidence[] {
  const evidence = identity.domains.flatMap(({ label, domain }) => domainEvidence(account, label, domain));
  const name = nameEvidence(account, identity, minSimilarity);
  return name ? [...evidence, name] : evidence;
}

function domainEvidence(account: Account, label: string, domain: string): Evidence[] {
  for (const accountDomain of account.domains.map(cleanDomain)) {
    if (accountDomain === '') continue;
    if (domain === accountDomain) {
      return [{ reason: 'exact_domain', detail: `${label} ${domain}`, confidence: EXACT_DOMAIN_CONFIDENCE }];
    }
    if (domain.endsWith(`.${accountDomain}`)) {
      const detail = `${label} ${domain} is a subdomain of ${accountDomain}`;
      return [{ reason: 'exact_domain', detail, confidence: EXACT_DOMAIN_CONFIDENCE }];
    }
  }
  return [];
}

function nameEvidence(account: Account, identity: LeadIdentity, minSimilarity: number): Evidence | undefined {
  if (identity.normalisedName === '') return undefined;
  const accountName = normaliseCompanyName(account.name);
  const names = `company ${JSON.stringify(identity.company)} and account ${JSON.stringify(account.name)}`;
  if (accountName === identity.normalisedName) {
    const detail = `${names} both read ${JSON.stringify(accountName)}`;
    return { reason: 'normalised_name', detail, confidence: NORMALISED_NAME_CONFIDENCE };
  }
  const similarity = nameSimilarity(identity.normalisedName, accountName);
  if (similarity < minSimilarity || similarity === 0) return undefined;
  const detail = `${names} are ${similarity.toFixed(2)} similar (at least ${minSimilarity} needed)`;
  return { reason: 'fuzzy_name', detail, confidence: similarity * FUZZY_NAME_WEIGHT };
}
