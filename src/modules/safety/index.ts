export * from './redaction/index.ts';
export * from './scan/index.ts';
export * from './reports/index.ts';
export { createSafetyModule, safetyMigrations, type SafetyModule, type SafetyModuleDeps, type SafetyReportsDesk, type ReportingMember } from './safety-module.ts';
export * from './campaigns/index.ts';
