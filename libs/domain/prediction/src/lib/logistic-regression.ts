import { CholeskyDecomposition, Matrix, solve } from 'ml-matrix';

/** A fitted logistic model: P(y = 1 | x) = σ(intercept + coefficients · x). */
export interface LogisticModel {
  intercept: number;
  coefficients: number[];
}

export interface LogisticFit extends LogisticModel {
  /** Covariance of [intercept, ...coefficients] at the optimum (the inverse penalised Hessian): the uncertainty. */
  covariance: number[][];
  iterations: number;
  converged: boolean;
}

export interface LogisticFitOptions {
  /** L2 penalty on the coefficients (never on the intercept); > 0 keeps separable data finite. */
  l2: number;
  maxIterations?: number;
  /** Stop once no parameter moves by more than this in a Newton step. */
  tolerance?: number;
}

export function sigmoid(z: number): number {
  // Two forms, so neither exp() overflows for large |z|.
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export function linearPredictor(model: LogisticModel, x: readonly number[]): number {
  let z = model.intercept;
  for (let j = 0; j < model.coefficients.length; j++) z += model.coefficients[j] * x[j];
  return z;
}

export function probabilityOf(model: LogisticModel, x: readonly number[]): number {
  return sigmoid(linearPredictor(model, x));
}

/**
 * Maximises the L2-penalised log-likelihood by Newton–Raphson (iteratively reweighted least squares). A lead has
 * a few dozen features, so each step solves a small dense system exactly and the fit converges in a handful of
 * steps, where gradient descent would need a learning rate and thousands of passes. No maintained JavaScript
 * package fits a penalised, soft-label logistic regression with its covariance; ml-matrix does the linear algebra.
 * `targets` may be soft labels in [0, 1] (Platt's smoothed targets).
 */
export function fitLogisticRegression(
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  options: LogisticFitOptions,
): LogisticFit {
  const width = checkedWidth(rows, targets, options);
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  let beta = new Array<number>(width + 1).fill(0);
  let hessian = penalisedHessian(rows, beta, options.l2);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const step = solveStep(hessian, gradientOf(rows, targets, beta, options.l2));
    beta = beta.map((value, j) => value + step[j]);
    hessian = penalisedHessian(rows, beta, options.l2);
    if (Math.max(...step.map(Math.abs)) < tolerance) return fitOf(beta, hessian, iteration, true);
  }
  return fitOf(beta, hessian, maxIterations, false);
}

function checkedWidth(
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  options: LogisticFitOptions,
): number {
  if (rows.length === 0) throw new RangeError('no rows to fit');
  if (rows.length !== targets.length) throw new RangeError(`${rows.length} rows but ${targets.length} targets`);
  if (!(options.l2 >= 0)) throw new RangeError(`l2 must be at least 0, got ${options.l2}`);
  const width = rows[0].length;
  rows.forEach((row, i) => {
    if (row.length !== width) throw new RangeError(`row ${i} has ${row.length} features, row 0 has ${width}`);
    if (!row.every(Number.isFinite)) throw new RangeError(`row ${i} has a feature that is not a finite number`);
  });
  targets.forEach((target, i) => {
    if (!(target >= 0 && target <= 1)) throw new RangeError(`target ${i} must be within [0, 1], got ${target}`);
  });
  return width;
}

/** ∂ℓ/∂β: Σ (y − μ) · [1, x], less the penalty's pull on the coefficients. */
function gradientOf(
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  beta: readonly number[],
  l2: number,
): number[] {
  const gradient = new Array<number>(beta.length).fill(0);
  const model = modelOf(beta);
  rows.forEach((row, i) => {
    const residual = targets[i] - probabilityOf(model, row);
    gradient[0] += residual;
    for (let j = 0; j < row.length; j++) gradient[j + 1] += residual * row[j];
  });
  for (let j = 1; j < beta.length; j++) gradient[j] -= l2 * beta[j];
  return gradient;
}

/** −∂²ℓ/∂β²: Σ μ(1 − μ) · [1, x][1, x]ᵀ plus the penalty; positive definite whenever l2 > 0. */
function penalisedHessian(rows: readonly (readonly number[])[], beta: readonly number[], l2: number): Matrix {
  const size = beta.length;
  const hessian = Matrix.zeros(size, size);
  const model = modelOf(beta);
  const extended = new Array<number>(size);
  extended[0] = 1;
  for (const row of rows) {
    const mu = probabilityOf(model, row);
    const weight = mu * (1 - mu);
    for (let j = 0; j < row.length; j++) extended[j + 1] = row[j];
    for (let a = 0; a < size; a++) {
      const scaled = weight * extended[a];
      for (let b = a; b < size; b++) hessian.set(a, b, hessian.get(a, b) + scaled * extended[b]);
    }
  }
  for (let a = 0; a < size; a++) {
    for (let b = 0; b < a; b++) hessian.set(a, b, hessian.get(b, a));
    if (a > 0) hessian.set(a, a, hessian.get(a, a) + l2);
  }
  return hessian;
}

function solveStep(hessian: Matrix, gradient: number[]): number[] {
  const rhs = Matrix.columnVector(gradient);
  const cholesky = new CholeskyDecomposition(hessian);
  // Without a penalty a degenerate feature (constant, duplicated) leaves the Hessian singular: least squares then.
  const step = cholesky.isPositiveDefinite() ? cholesky.solve(rhs) : solve(hessian, rhs, true);
  return step.getColumn(0);
}

function fitOf(beta: number[], hessian: Matrix, iterations: number, converged: boolean): LogisticFit {
  const cholesky = new CholeskyDecomposition(hessian);
  const identity = Matrix.eye(beta.length, beta.length);
  const covariance = cholesky.isPositiveDefinite() ? cholesky.solve(identity) : solve(hessian, identity, true);
  return { ...modelOf(beta), covariance: covariance.to2DArray(), iterations, converged };
}

function modelOf(beta: readonly number[]): LogisticModel {
  return { intercept: beta[0], coefficients: beta.slice(1) };
}
