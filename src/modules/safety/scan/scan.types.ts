/** The warning signs of contracts/cli.md (`usher scan`), in the contract's words. */
export const SIGNAL_CODES = [
  'urgent_threat',
  'off_domain_link',
  'lookalike_domain',
  'asks_card',
  'asks_password',
  'asks_code',
  'gift_card_or_crypto_or_wire',
  'remote_access_software',
  'prize_claim',
  'spelling_errors',
  'odd_sender',
] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];

export const SCAN_CHANNELS = ['email', 'sms', 'call_transcript'] as const;
export type ScanChannel = (typeof SCAN_CHANNELS)[number];

export type ScanLink = { href: string; text: string };

/** One reported message as the member received it. */
export type ScanInput = {
  channel: ScanChannel;
  /** `Name <address>` for email, a number or sender id for SMS, whatever the member wrote for a call. */
  from: string;
  subject?: string | null;
  body: string;
  html?: string | null;
  replyTo?: string | null;
  links?: ScanLink[];
  /** Authentication results of the receiving server, when the message came as a raw email. */
  authentication?: { spf?: string; dkim?: string; dmarc?: string } | null;
};

/** The service whose members are targeted: its name and the only domains it sends from and links to. */
export type Brand = { name: string; domains: string[] };

/** Each sign quotes the bit of the message it rests on, so the answer to the member can show it. */
export type Signal = { code: SignalCode; evidence: string };

export type Verdict = 'phish' | 'suspicious' | 'legit';

export type ScanResult = { verdict: Verdict; score: number; signals: Signal[] };
