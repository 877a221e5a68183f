export * from './lib/logistic-regression';
export * from './lib/evaluation-metrics';
export * from './lib/platt-calibration';
export * from './lib/feature-scaling';
export * from './lib/training-readiness';
export * from './lib/conversion-model';
export * from './lib/conversion-prediction';
