import { distance } from 'fastest-levenshtein';

/** Legal-form words that say nothing about which company it is; dropped from the end of a name. */
const LEGAL_SUFFIXES = new Set(
  (
    'ab ag as asa aps bv co company corp corporation gmbh inc incorporated kg kgaa kk limited llc llp lp ' +
    'ltd mbh nv ohg oy oyj plc pte pty sa sarl sas se spa srl ug'
  ).split(' '),
);

/**
 * Lower case without accents, dots or apostrophes (`A.C.M.E.` is `acme`), other punctuation as spaces, and trailing
 * legal forms removed (`Müller GmbH & Co. KG` is `muller`). A name that is only a legal form keeps it.
 */
export function normaliseCompanyName(name: string): string {
  const tokens = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '');
  while (tokens.length > 1 && LEGAL_SUFFIXES.has(tokens[tokens.length - 1])) tokens.pop();
  return tokens.join(' ');
}

/** 1 − Levenshtein distance / longer length: 1 for equal names, 0 for nothing in common or an empty name. */
export function nameSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (a === '' || b === '') return 0;
  return 1 - distance(a, b) / longer;
}
