import { Injectable } from '@nestjs/common';
import { type TeamMembership, throwIfInvalid, validateTeamHistory } from '@handoff/domain-quota';
import { ConfigWrites } from '../books/config-writes';
import { QuotaBooks } from '../books/quota-books.store';
import type { MembershipDto } from './team-history.dto';
import { TeamHistoryStore } from './team-history.store';

/** Which team each rep was in when: replaced whole per rep, read per rep or per team at an instant. */
@Injectable()
export class TeamHistoryService {
  constructor(
    private readonly books: QuotaBooks,
    private readonly writes: ConfigWrites,
    private readonly store: TeamHistoryStore,
  ) {}

  async history(repId: string): Promise<MembershipDto[]> {
    return (await this.books.memberships([repId])).map(withoutRep);
  }

  /** Replaces the rep's history after checking it (no two teams at once); answers it as stored. */
  replace(repId: string, given: readonly MembershipDto[]): Promise<MembershipDto[]> {
    const memberships = given.map(({ teamId, from, to }) => ({
      repId,
      teamId,
      from,
      ...(to === undefined ? {} : { to }),
    }));
    throwIfInvalid(validateTeamHistory(memberships), 'team history', 'memberships');
    return this.writes.run(`team-history:${repId}`, async (manager) => {
      await this.store.replace(manager, repId, memberships);
      return {
        result: (await this.books.memberships([repId], manager)).map(withoutRep),
        change: { reps: [repId], cause: 'team-history-replaced' },
      };
    });
  }

  membersAt(teamId: string, at: string): Promise<string[]> {
    return this.books.teamMembersAt(teamId, at);
  }
}

const withoutRep = ({ teamId, from, to }: TeamMembership): MembershipDto => ({ teamId, from, ...(to ? { to } : {}) });
