export * from './fonts';
export * from './render';
export * from './labels';
export * from './password-notice.layout';
export * from './proof-sheet.layout';
