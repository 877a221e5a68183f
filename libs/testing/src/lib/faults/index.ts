export * from './owned-process';
export * from './kafka-broker';
export * from './postgres-cluster';
export * from './redis-server';
export * from './fault-infrastructure';
export * from './books-reconciliation';
export * from './platform-books';
export * from './recovery-clock';
