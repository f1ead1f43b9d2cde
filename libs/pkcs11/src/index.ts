export * from './ckr-errors';
export * from './pkcs11-module';
export * from './token-info';
export * from './pin-state';
export * from './token-session';
export * from './key-pairs';
export * from './token-csr';
export * from './token-objects';
