export * from './contacts.module';
export * from './contact-vault.service';
export * from './contact-details';
