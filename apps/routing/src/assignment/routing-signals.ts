import { Injectable } from '@nestjs/common';
import { type Observable, Subject } from 'rxjs';

/**
 * Announces, after commit, that a queued lead may now find a rep in this process: a rep got room (a lead
 * closed or was given back) or new capacity figures arrived. The rerouter's interval covers other replicas.
 */
@Injectable()
export class RoutingSignals {
  private readonly subject = new Subject<string>();

  readonly roomMayHaveOpened: Observable<string> = this.subject.asObservable();

  announce(why: string): void {
    this.subject.next(why);
  }
}
