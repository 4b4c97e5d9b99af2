export * from './redaction/index.ts';
export * from './scan/index.ts';
