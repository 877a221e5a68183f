/** The fewest labelled outcomes a model is trained from; below them it reports counts, not a number. */
export interface TrainingMinimum {
  labelled: number;
  converted: number;
  notConverted: number;
}

export const DEFAULT_TRAINING_MINIMUM: TrainingMinimum = { labelled: 200, converted: 20, notConverted: 20 };

export interface OutcomeCounts {
  labelled: number;
  converted: number;
  notConverted: number;
}

export type TrainingReadiness =
  | { ready: true; counts: OutcomeCounts }
  | { ready: false; counts: OutcomeCounts; minimum: TrainingMinimum; reason: string };

export function countOutcomes(labels: readonly number[]): OutcomeCounts {
  const converted = labels.filter((label) => label === 1).length;
  return { labelled: labels.length, converted, notConverted: labels.length - converted };
}

/** "Not enough data" names every count that falls short, so an operator sees how far the history is from enough. */
export function trainingReadiness(
  labels: readonly number[],
  minimum: TrainingMinimum = DEFAULT_TRAINING_MINIMUM,
): TrainingReadiness {
  const counts = countOutcomes(labels);
  const short = (['labelled', 'converted', 'notConverted'] as const)
    .filter((key) => counts[key] < minimum[key])
    .map((key) => `${counts[key]} ${describe(key)} of the ${minimum[key]} needed`);
  if (short.length === 0) return { ready: true, counts };
  return { ready: false, counts, minimum, reason: `not enough data: ${short.join(', ')}` };
}

function describe(key: keyof OutcomeCounts): string {
  return { labelled: 'labelled leads', converted: 'won', notConverted: 'lost or rejected' }[key];
}
