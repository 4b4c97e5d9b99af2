export { scanMessage } from './scan-message.ts';
export { SIGNAL_CODES, SCAN_CHANNELS, type Brand, type ScanChannel, type ScanInput, type ScanLink, type ScanResult, type Signal, type SignalCode, type Verdict } from './scan.types.ts';
export { parseEmail, messageToScan, EmailInputError, MAX_EMAIL_BYTES, type ParsedEmail, type AttachmentMeta } from './parse-email.ts';
export { FORWARD_MARKER, findInlineForward, type InlineForward } from './forwarded.ts';
export { isOfficialHost } from './domains.ts';
