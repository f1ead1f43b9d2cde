export * from './enums';
export * from './error-codes';
export * from './domain-error';
export * from './agent';
