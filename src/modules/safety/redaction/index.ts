export { redact, redactForStorage, REPLACEMENTS, type Finding, type FindingKind, type Redaction, type RedactOptions } from './redact.ts';
export { findCredentialRequest, type CredentialRequest } from './credential-request.ts';
export { luhnValid } from './luhn.ts';
