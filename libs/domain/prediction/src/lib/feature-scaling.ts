/** Per-feature centring and scale, fitted on the training rows, so one L2 penalty treats every feature alike. */
export interface FeatureScaling {
  means: number[];
  scales: number[];
}

export function fitFeatureScaling(rows: readonly (readonly number[])[]): FeatureScaling {
  const width = rows[0]?.length ?? 0;
  const means = new Array<number>(width).fill(0);
  const squares = new Array<number>(width).fill(0);
  for (const row of rows) row.forEach((value, j) => (means[j] += value / rows.length));
  for (const row of rows) row.forEach((value, j) => (squares[j] += (value - means[j]) ** 2 / rows.length));
  // A feature constant in the training window keeps scale 1: it then contributes nothing, and no division by 0.
  const scales = squares.map((square) => (square > 0 ? Math.sqrt(square) : 1));
  return { means, scales };
}

export function scaled(scaling: FeatureScaling, row: readonly number[]): number[] {
  return row.map((value, j) => (value - scaling.means[j]) / scaling.scales[j]);
}
