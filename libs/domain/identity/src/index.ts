export * from './lib/email-address';
