import { Injectable } from '@nestjs/common';
import { type Observable, Subject } from 'rxjs';

/**
 * A committed directory change after which a waiting lead may have someone to go to: a rep became available
 * (activated or updated while active, out-of-office ended, pause ended) or a pool changed.
 */
export type DirectoryChange =
  | { kind: 'rep'; repId: string; cause: 'activated' | 'updated' | 'out-of-office-ended' | 'pause-ended' }
  | { kind: 'pool'; poolId: string; cause: 'updated' | 'deleted' };

/**
 * Announces directory changes in this process, after their transaction committed, so the pool queues can be
 * drained at once. Other replicas do not hear them: a drain must not rely on this alone.
 */
@Injectable()
export class DirectoryChanges {
  private readonly subject = new Subject<DirectoryChange>();

  readonly changes: Observable<DirectoryChange> = this.subject.asObservable();

  announce(change: DirectoryChange): void {
    this.subject.next(change);
  }
}
