import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { IdentityStore, type LeadGroup } from '../identity';
import { SecretCipher, SecretDecryptionError } from '../sources';
import {
  type ContactDetails,
  type ContactField,
  type ContactRecord,
  combineRecords,
  detailsOf,
  withDetails,
} from './contact-details';
import { ContactVaultError } from './contact-vault.errors';
import { ContactVaultStore, type VaultRow } from './contact-vault.store';

/** Contact details an event carried for a lead, at the event's time. */
export interface ContactUpdate {
  leadId: string;
  details: ContactDetails;
  occurredAt: string;
}

export interface LeadContact {
  /** The lead the details belong to now: the requested one, or the lead it was merged into. */
  leadId: string;
  contact: ContactDetails;
}

export interface Erasure {
  leadId: string;
  erasedAt: Date;
  /** The requested lead and every lead merged with it: one person. */
  erasedLeadIds: string[];
}

/**
 * The clear contact details of leads, sealed at rest, one entry per lead. Writes go to the surviving lead and
 * fold the entries of leads merged into it; reads combine them too, for merges no write has followed yet.
 * Every read and erasure is audited in the log with the fields, never the values.
 */
@Injectable()
export class ContactVault {
  private readonly logger = new Logger(ContactVault.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    private readonly vault: ContactVaultStore,
    private readonly identities: IdentityStore,
  ) {}

  /** Keeps the details of recorded events; the latest value of each field wins. An erased lead keeps nothing. */
  async record(updates: readonly ContactUpdate[]): Promise<void> {
    const relevant = updates.filter((update) => Object.keys(update.details).length > 0);
    if (relevant.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      const groups = await this.identities.leadGroups(
        manager,
        relevant.map((update) => update.leadId),
      );
      const bySurvivor = updatesBySurvivor(groups, relevant);
      await this.vault.lock(manager, [...bySurvivor.keys()]);
      for (const { group, updates: forLead } of bySurvivor.values()) await this.fold(manager, group, forLead);
    });
  }

  /** The lead's contact details, combined with those of the leads merged into it. Audited, refusals too. */
  async read(leadId: string, scope: string): Promise<LeadContact> {
    try {
      const group = await this.groupOf(this.dataSource.manager, leadId);
      const rows = await this.vault.rows(this.dataSource.manager, group.memberIds);
      this.throwIfErased(leadId, rows, [leadId, group.survivorId]);
      const contact = detailsOf(this.openAll(rows, group.survivorId));
      const fields = Object.keys(contact) as ContactField[];
      this.logger.log({ msg: 'contact details read', scope, leadId, survivorLeadId: group.survivorId, fields });
      return { leadId: group.survivorId, contact };
    } catch (error) {
      if (error instanceof ContactVaultError) {
        this.logger.log({ msg: 'contact details read', scope, leadId, fields: [], refused: error.refusal });
      }
      throw error;
    }
  }

  /**
   * Right to erasure: the entries of the lead and of every lead merged with it become tombstones, and their
   * email-derived identity links are removed. Idempotent: erasing again keeps the first erasure time. Audited.
   */
  async erase(leadId: string, scope: string): Promise<Erasure> {
    return this.dataSource.transaction(async (manager) => {
      const group = await this.groupOf(manager, leadId);
      await this.vault.lock(manager, [group.survivorId]);
      const erasedAt = await this.vault.erase(manager, group.memberIds);
      const unlinked = await this.identities.removeEmailLinks(manager, group.memberIds);
      const erasure = { leadId, erasedAt: erasedAt.get(leadId) ?? new Date(), erasedLeadIds: group.memberIds };
      this.logger.log({ msg: 'personal data erased', scope, leadId, erasedLeadIds: group.memberIds, unlinked });
      return erasure;
    });
  }

  private async fold(manager: EntityManager, group: LeadGroup, updates: readonly ContactUpdate[]): Promise<void> {
    const rows = await this.vault.rows(manager, group.memberIds);
    const others = rows.filter((row) => row.leadId !== group.survivorId && row.erasedAt === null);
    const otherIds = others.map((row) => row.leadId);
    if (rows.some((row) => row.leadId === group.survivorId && row.erasedAt !== null)) {
      // Leads merged into an erased lead since its erasure are the same person: their details go too.
      if (otherIds.length > 0) await this.vault.erase(manager, otherIds);
      return;
    }
    let opened: ContactRecord;
    try {
      opened = this.openAll(rows, group.survivorId);
    } catch (error) {
      if (!(error instanceof ContactVaultError)) throw error;
      // Kept for when the right key is configured again; the events themselves are still recorded.
      this.logger.error({
        msg: 'contact details not kept: an entry opens with neither secret key',
        leadId: group.survivorId,
      });
      return;
    }
    const record = updates.reduce((acc, update) => withDetails(acc, update.details, update.occurredAt), opened);
    const sealed = this.cipher.encrypt(JSON.stringify(record), group.survivorId);
    await this.vault.save(manager, [{ leadId: group.survivorId, sealed }]);
    await this.vault.removeFolded(manager, otherIds);
  }

  /** The live entries opened and combined, the survivor's last (it wins ties). */
  private openAll(rows: readonly VaultRow[], survivorId: string): ContactRecord {
    const survivorLast = [...rows].sort((a, b) => Number(a.leadId === survivorId) - Number(b.leadId === survivorId));
    return combineRecords(
      survivorLast.flatMap((row) => (row.sealed === null ? [] : [this.open(row.sealed, row.leadId)])),
    );
  }

  private open(sealed: string, leadId: string): ContactRecord {
    try {
      return JSON.parse(this.cipher.decrypt(sealed, leadId)) as ContactRecord;
    } catch (error) {
      if (error instanceof SecretDecryptionError) throw ContactVaultError.undecryptable(leadId);
      throw error;
    }
  }

  private async groupOf(manager: EntityManager, leadId: string): Promise<LeadGroup> {
    const [group] = await this.identities.leadGroups(manager, [leadId]);
    if (group === undefined) throw ContactVaultError.leadNotFound(leadId);
    return group;
  }

  private throwIfErased(leadId: string, rows: readonly VaultRow[], leadIds: readonly string[]): void {
    const erased = rows.find((row) => leadIds.includes(row.leadId) && row.erasedAt !== null);
    if (erased?.erasedAt) throw ContactVaultError.erased(leadId, erased.erasedAt);
  }
}

/** The updates grouped by the lead their lead survives as; updates of unknown leads are dropped. */
function updatesBySurvivor(
  groups: readonly LeadGroup[],
  updates: readonly ContactUpdate[],
): Map<string, { group: LeadGroup; updates: ContactUpdate[] }> {
  const groupOf = new Map(groups.map((group) => [group.leadId, group]));
  const bySurvivor = new Map<string, { group: LeadGroup; updates: ContactUpdate[] }>();
  for (const update of updates) {
    const group = groupOf.get(update.leadId);
    if (group === undefined) continue;
    const entry = bySurvivor.get(group.survivorId) ?? { group, updates: [] };
    entry.updates.push(update);
    bySurvivor.set(group.survivorId, entry);
  }
  return bySurvivor;
}
