/**
 * Entities found by rules in a member's message (contracts/intents.md). Each
 * is present only when found; values are the text as the member wrote it,
 * except `device` and `billing_partner`, which are one of a few kinds so that
 * the checklist and the queues can rely on them.
 */
export type Device = 'tv' | 'phone' | 'tablet' | 'computer' | 'streaming stick' | 'game console';
export type BillingPartner = 'mobile carrier' | 'cable provider' | 'internet provider' | 'app store' | 'bundle';

export type Entities = {
  error_code?: string;
  amount?: string;
  date?: string;
  card_last4?: string;
  device?: Device;
  billing_partner?: BillingPartner;
};

// Letters first (NW-2-5, UI-800-3, tvq-st-131, H7361-1253), at least one digit; dates and phone numbers start with digits.
const ERROR_CODE = /\b([a-z]{1,5}\d{0,5}(?:-[a-z0-9]{1,6}){1,3})\b/gi;
// "error 1011", "code: 5.1", "error code 30103"
const BARE_ERROR_CODE = /\b(?:error|err|code)\s*(?:code|number|no\.?)?\s*[:#]?\s*(\d{3,6}(?:\.\d{1,3})?)\b/i;

const CURRENCY_SYMBOL = '[$€£¥₹]';
const CURRENCY_CODE = '(?:usd|eur|gbp|cad|aud|nzd|chf|sek|nok|dkk|jpy|inr|brl|mxn|pln|dollars?|euros?|pounds?|bucks)';
const NUMBER = '\\d{1,6}(?:[.,]\\d{3})*(?:[.,]\\d{1,2})?';
const AMOUNT = new RegExp(
  `(?:(?:${CURRENCY_CODE}\\s?)?${CURRENCY_SYMBOL}\\s?${NUMBER}(?:\\s?${CURRENCY_CODE}\\b)?|\\b${CURRENCY_CODE}\\s?${NUMBER}\\b|\\b${NUMBER}\\s?${CURRENCY_CODE}\\b)`,
  'i',
);

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE = new RegExp(
  [
    '\\b\\d{4}-\\d{2}-\\d{2}\\b',
    '\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b',
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b(?:,?\\s+\\d{4})?`,
    `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4})?`,
    '\\b(?:yesterday|today|last night|the day before yesterday)\\b',
    '\\b(?:on|last|this past)\\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b',
    '\\bthe\\s+\\d{1,2}(?:st|nd|rd|th)\\b',
  ].join('|'),
  'i',
);

const CARD_LAST4 = /\b(?:ending(?:\s+(?:in|with))?|ends\s+(?:in|with)|last\s+(?:4|four)(?:\s+digits)?(?:\s+(?:are|is|of))?|x{2,}|\*{2,})\s*[:#]?\s*(\d{4})\b/i;

const DEVICES: [Device, RegExp][] = [
  ['streaming stick', /\b(?:streaming (?:stick|device|box|player)|stick|dongle|set[- ]top box|media player|cast(?:ing)? device)\b/i],
  ['game console', /\b(?:game console|games console|console|gaming system|playstation|xbox)\b/i],
  ['tv', /\b(?:tv|tvs|television|telly|smart ?tv|projector)\b/i],
  ['tablet', /\b(?:tablet|ipad|kindle)\b/i],
  ['computer', /\b(?:computer|laptop|pc|desktop|mac ?book|macbook|chromebook|browser|web browser)\b/i],
  // Not "phone plan", "mobile carrier": those are billing partners.
  ['phone', /\b(?:phone|mobile|smartphone|cellphone|iphone|android)\b(?!\s+(?:plan|bill|company|provider|contract|carrier|number|call|network|operator))/i],
];

const PARTNERS: [BillingPartner, RegExp][] = [
  ['app store', /\b(?:app ?store|play store|app marketplace|in[- ]app purchase|through (?:apple|google)|itunes)\b/i],
  ['cable provider', /\b(?:cable (?:company|provider|bill|package|box|operator)|cable|satellite (?:provider|company|tv))\b/i],
  ['internet provider', /\b(?:internet (?:provider|company|bill|plan|package)|broadband (?:provider|company|bill|deal)|isp|fibre provider|fiber provider)\b/i],
  ['mobile carrier', /\b(?:carrier|mobile (?:provider|operator|network|plan|contract|bill)|phone (?:plan|bill|company|provider|contract|carrier)|wireless (?:provider|plan|bill)|network operator|telco)\b/i],
  ['bundle', /\b(?:bundle|bundled|package deal|comes with my|included (?:in|with) my)\b/i],
];

function findErrorCode(text: string): string | undefined {
  for (const match of text.matchAll(ERROR_CODE)) {
    const code = match[1];
    if (/\d/.test(code) && !/^(?:covid|mp\d|h\.?26\d)/i.test(code)) return code;
  }
  return BARE_ERROR_CODE.exec(text)?.[1];
}

/** Rules only: cheap, predictable, and explainable to an agent. */
export function extractEntities(text: string): Entities {
  const entities: Entities = {};
  // Most messages hold no digit: then there is no code, amount or card to look for (--jsonl speed).
  const digits = /\d/.test(text);
  const errorCode = digits ? findErrorCode(text) : undefined;
  if (errorCode) entities.error_code = errorCode;
  const amount = digits ? AMOUNT.exec(text)?.[0] : undefined;
  if (amount) entities.amount = amount.trim();
  const date = DATE.exec(text)?.[0];
  if (date) entities.date = date.trim();
  const last4 = digits ? CARD_LAST4.exec(text)?.[1] : undefined;
  if (last4) entities.card_last4 = last4;
  const device = DEVICES.find(([, pattern]) => pattern.test(text));
  if (device) entities.device = device[0];
  const partner = PARTNERS.find(([, pattern]) => pattern.test(text));
  if (partner) entities.billing_partner = partner[0];
  return entities;
}
