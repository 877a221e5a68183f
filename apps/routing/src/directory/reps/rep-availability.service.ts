import { Injectable } from '@nestjs/common';
import type { Period, RepProfile } from '@handoff/domain-routing';
import { DomainError } from '@handoff/shared-errors';
import type { EntityManager } from 'typeorm';
import type { DirectoryChange } from '../directory-changes';
import { found } from '../directory-errors';
import { DirectoryWrites } from '../directory-writes';
import { MAX_OUT_OF_OFFICE_PERIODS } from './rep.dto';
import { RepsStore } from './reps.store';

/**
 * What a rep's self-service page or a calendar integration changes: out-of-office periods and the pause. Each
 * call answers the rep as it is afterwards.
 */
@Injectable()
export class RepAvailabilityService {
  constructor(
    private readonly writes: DirectoryWrites,
    private readonly reps: RepsStore,
  ) {}

  /** Adds a period (adding one the rep has changes nothing); periods already over are dropped meanwhile. */
  addOutOfOffice(id: string, period: Period): Promise<RepProfile> {
    return this.writes.run(async (manager) => {
      await this.existing(manager, id);
      await this.reps.removeEndedOutOfOffice(manager, id);
      const { outOfOffice } = await this.existing(manager, id);
      if (outOfOffice.length >= MAX_OUT_OF_OFFICE_PERIODS) {
        throw new DomainError(
          'conflict',
          `the rep has ${outOfOffice.length} out-of-office periods ahead: end some first`,
        );
      }
      await this.reps.addOutOfOffice(manager, id, period);
      return this.existing(manager, id);
    });
  }

  /** Ends the given period, or every period when none is given; 404 when the rep has no such period. */
  endOutOfOffice(id: string, period?: Period): Promise<RepProfile> {
    return this.writes.run(async (manager, announce) => {
      const rep = await this.existing(manager, id);
      const removed = await this.reps.removeOutOfOffice(manager, id, period);
      if (period && removed === 0) {
        throw new DomainError('not-found', `the rep has no out-of-office period from ${period.from} to ${period.to}`);
      }
      if (removed > 0) announceAvailable(rep, 'out-of-office-ended', announce);
      return this.existing(manager, id);
    });
  }

  pause(id: string, until: string): Promise<RepProfile> {
    return this.writes.run(async (manager) => {
      await this.existing(manager, id);
      await this.reps.setPausedUntil(manager, id, until);
      return this.existing(manager, id);
    });
  }

  /** Ends the pause now; a rep that is not paused stays as it is. */
  resume(id: string): Promise<RepProfile> {
    return this.writes.run(async (manager, announce) => {
      const rep = await this.existing(manager, id);
      if (rep.pausedUntil === undefined) return rep;
      await this.reps.setPausedUntil(manager, id, null);
      announceAvailable(rep, 'pause-ended', announce);
      return this.existing(manager, id);
    });
  }

  private async existing(manager: EntityManager, id: string): Promise<RepProfile> {
    return found(await this.reps.one(manager, id), 'rep', id);
  }
}

function announceAvailable(
  rep: RepProfile,
  cause: 'out-of-office-ended' | 'pause-ended',
  announce: (change: DirectoryChange) => void,
): void {
  if (rep.active) announce({ kind: 'rep', repId: rep.id, cause });
}
