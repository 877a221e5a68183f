import type { FieldIssue } from '@handoff/contracts';

/**
 * Which account owns each domain while writes are checked, so that one domain never belongs to two accounts.
 * Writes are checked one after the other, each against the claims the ones before it left.
 */
export class DomainClaims {
  private readonly ownerOf = new Map<string, string>();
  private readonly domainsOf = new Map<string, Set<string>>();

  /** `owners`: the stored owner of every domain the writes to check mention. */
  constructor(owners: ReadonlyMap<string, string>) {
    for (const [domain, accountId] of owners) this.set(domain, accountId);
  }

  /** Why the account may not own these domains (another owns one), if it may not. */
  issues(accountId: string, domains: readonly string[]): FieldIssue[] {
    const taken = domains.flatMap((domain) => {
      const owner = this.ownerOf.get(domain);
      return owner === undefined || owner === accountId
        ? []
        : [`${domain} belongs to the account ${JSON.stringify(owner)}`];
    });
    return taken.length === 0 ? [] : [{ field: 'domains', reasons: taken }];
  }

  /** Records that the account now owns exactly `domains`, releasing those it owned before. */
  claim(accountId: string, domains: readonly string[]): void {
    for (const domain of this.domainsOf.get(accountId) ?? []) this.ownerOf.delete(domain);
    this.domainsOf.delete(accountId);
    for (const domain of domains) this.set(domain, accountId);
  }

  private set(domain: string, accountId: string): void {
    this.ownerOf.set(domain, accountId);
    this.domainsOf.set(accountId, (this.domainsOf.get(accountId) ?? new Set()).add(domain));
  }
}
