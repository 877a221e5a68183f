import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook may never reach unless private targets are allowed: private, loopback, link-local, CGNAT,
 * multicast, unspecified and the like. node:net's BlockList (built in, so no extra dependency) also matches an
 * IPv4-mapped IPv6 address (::ffff:127.0.0.1) against the IPv4 ranges.
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64 can reach IPv4 private ranges
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address is one a production webhook may connect to. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** What the service allows: production allows https to public addresses only. */
export interface TargetPolicy {
  allowPrivate: boolean;
}

/** Why a URL is refused, or undefined when its scheme and literal host are acceptable (names are checked on lookup). */
export function urlProblem(url: string, policy: TargetPolicy): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  if (parsed.username || parsed.password) return 'must not carry credentials';
  if (parsed.protocol === 'http:' && policy.allowPrivate) return undefined;
  if (parsed.protocol !== 'https:') return 'must be an https URL';
  return undefined;
}

export class BlockedTargetError extends Error {
  readonly code = 'EBLOCKEDTARGET';
  constructor(address: string) {
    super(`target address ${address} is private, loopback, link-local or reserved`);
    this.name = 'BlockedTargetError';
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that refuses blocked addresses after DNS resolution, at every connection: a name
 * that resolved to a public address at subscription time cannot later point the connection at the inside.
 */
export function guardedLookup(policy: TargetPolicy) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const blocked = policy.allowPrivate ? undefined : addresses.find(({ address }) => !isPublicAddress(address));
      if (blocked) return callback(new BlockedTargetError(blocked.address), []);
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      return callback(null, first.address, first.family);
    });
  };
}

/** The addresses a URL's host resolves to, each checked; throws BlockedTargetError for a blocked one. */
export async function checkResolvedTarget(url: string, policy: TargetPolicy): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (policy.allowPrivate) return;
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, found) => (error ? reject(error) : resolve(found))),
  );
  const blocked = addresses.find(({ address }) => !isPublicAddress(address));
  if (blocked) throw new BlockedTargetError(blocked.address);
}
