import { Injectable } from '@nestjs/common';
import { type Observable, Subject } from 'rxjs';

/**
 * A committed change of quota configuration after which some reps' capacity figures may differ: their quotas,
 * team history or lead limit changed (`repIds`), or the rate table did (`all`).
 */
export type QuotaChange = { reps: readonly string[]; cause: string } | { reps: 'all'; cause: string };

/**
 * Announces configuration changes in this process, after their transaction committed, so the capacity refresher
 * republishes the reps they move at once. Other replicas do not hear them; their periodic refresh catches up.
 */
@Injectable()
export class QuotaChanges {
  private readonly subject = new Subject<QuotaChange>();

  readonly changes: Observable<QuotaChange> = this.subject.asObservable();

  announce(change: QuotaChange): void {
    this.subject.next(change);
  }
}
