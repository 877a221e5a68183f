export * from './live-counters';
export * from './live-frame';
export * from './prometheus-text';
