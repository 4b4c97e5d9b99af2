import { CALL_US, foldForCues, PHONE_NUMBER } from './cues.ts';
import { isOfficialHost, readableHost, skeleton } from './domains.ts';
import { sentencesOf } from './message-text.ts';
import type { Brand, ScanInput } from './scan.types.ts';

export type Sender = { displayName: string; address: string | null; domain: string | null };

/** `Name <address>`, a bare address, or anything else (a number, a sender id, "Unknown number"). */
export function parseSender(from: string): Sender {
  const trimmed = from.trim();
  const angled = /^(.*?)<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$/s.exec(trimmed);
  const address = angled ? angled[2] : /^[^\s@<>]+@[^\s@<>]+$/.test(trimmed) ? trimmed : null;
  const displayName = (angled ? angled[1] : address ? '' : trimmed).replace(/^["'\s]+|["'\s]+$/g, '');
  const domain = address ? readableHost(address.slice(address.lastIndexOf('@') + 1)) : null;
  return { displayName, address, domain };
}

/** Whether a name reads as the brand's ("Reelhouse Support", "REELHOUSE", "Reelhouse <x@y>"). */
export function claimsBrand(name: string, brand: Brand): boolean {
  const brandSkeleton = skeleton(brand.name.replace(/[^\p{L}\p{N}]/gu, ''));
  return skeleton(name.replace(/[^\p{L}\p{N}]/gu, '')).includes(brandSkeleton);
}

const PHONE_LIKE = /^[+(]?\d[\d\s().-]{5,}\d$/;

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words a caller or writer introduces themselves with ("calling from", "this is", "ici", "hier ist", "le llamo de"); a bare "of" or "de" is not enough. */
const INTRODUCTION = [
  '(?:calling|writing|contacting you|reaching out|speaking) (?:from|on behalf of|for|with)', 'this is', "i'?m (?:from|with)", 'i am (?:from|with)', "we'?re from", 'we are from', 'here at', 'on behalf of',
  'hier ist', 'hier spricht', 'im auftrag von', 'namens', 'ici', 'je suis de', 'je vous appelle de', 'au nom de', '(?:le |les )?llamo de', 'llamamos de', 'en nombre de', 'soy de',
  'falo da', 'ligo da', 'aqui e da', 'em nome de', 'sono (?:di|del|della|da)', 'chiamo da', 'per conto di',
  'dzwonie z', 'dzwonimy z', 'pisze z', 'piszemy z', 'w imieniu', 'z tej strony',
].join('|');
const DEPARTMENT = '(?:support|security|billing|team|service|services|accounts?|alert|notice|customer|care|help|refunds?|legal|fraud|technical|kundenservice|kundendienst|sicherheit|abrechnung|klantenservice|beveiliging|soporte|seguridad|facturacion|suporte|seguranca|assistance|securite|service client|assistenza|sicurezza|equipo|equipe|team|dzial(?:u)? \\S+|wsparcie techniczne|obsluga klienta|zespol)';
const OF = '(?:de|of|von|di|do|da|van|del|du|bei|z)';
/** Japanese introduces the speaker after the name: "Reelhouseカスタマーセンターの田中です", "【Reelhouse】…". */
const JAPANESE_PRESENTING = (name: string) => `^\\W*[【\\[（(]\\s*${name}\\s*[】\\]）)]|${name}[^\\s。！？]{0,20}?(?:です|でございます|と申します)`;
/** "Reply YES to keep your membership": a text to answer with a word for an account matter, as only a stranger's number asks (the service's texts carry codes and links). */
const REPLY_WITH_WORD = /(?<![\p{L}\p{N}])(?:reply|text back|respond|antworte|antworten sie|antwoord|responde|responda|repondez|rispondi|rispondete|odpisz|odpowiedz)\s+(?:with\s+|mit\s+|met\s+|con\s+|com\s+|avec\s+)?["'“«„]?(?:yes|y|ok|stop|ja|oui|si|sim|tak|1)["'”»]?,?\s+(?:to|in order to|om|para|pour|per|um|aby|zeby)(?![\p{L}\p{N}])|(?:はい|YES)(?:と|を)?(?:ご)?返信/u;

/** Whether the text presents itself as the brand ("Reelhouse: your…", "calling from Reelhouse", "Reelhouse Security here"). */
export function speaksAsBrand(input: ScanInput, brand: Brand): boolean {
  const name = escapeForPattern(foldForCues(brand.name.trim()));
  const presenting = new RegExp(
    [`^\\W*${name}\\s*(?::|-|–|alert|notice|here)`, `(?:${INTRODUCTION})\\s+(?:\\S+\\s+){0,3}?${name}\\b`, `${DEPARTMENT}\\s+${OF}\\s+(?:la\\s+|el\\s+|the\\s+)?${name}\\b`, `\\b${name}(?:'s)?\\s+${DEPARTMENT}\\b`, JAPANESE_PRESENTING(name)].join('|'),
    'u',
  );
  const opening = sentencesOf({ ...input, subject: null }).slice(0, 3);
  return opening.some((sentence) => presenting.test(sentence.folded));
}

export type OddSender = { evidence: string; impersonates: boolean };

/** The number a message asks the member to phone, if it does: the service never gives one (calls start from the app). */
export function numberToCall(input: ScanInput): string | null {
  for (const sentence of sentencesOf(input)) {
    if (!CALL_US.test(sentence.folded)) continue;
    const number = PHONE_NUMBER.exec(sentence.original);
    if (number && number[0].replace(/\D/g, '').length >= 7) return number[0].trim();
  }
  return null;
}

/**
 * Whether the one sending (or calling) is not the service: an email from
 * another domain, a Reply-To elsewhere, an official address that failed its
 * authentication, a phone number or a sender id that is not the brand's; or,
 * whoever it claims to be, a message that asks the member to phone a number
 * (a fake support line: the service never gives a number to dial).
 */
export function oddSenderEvidence(input: ScanInput, brand: Brand): OddSender | null {
  const sender = senderEvidence(input, brand);
  const number = numberToCall(input);
  if (!number) return sender;
  const fakeLine = `asks to call ${number}, and the service never gives a number to dial`;
  return { evidence: sender ? `${sender.evidence}; ${fakeLine}` : fakeLine, impersonates: true };
}

function senderEvidence(input: ScanInput, brand: Brand): OddSender | null {
  const from = input.from.trim();
  if (input.channel === 'email') {
    const sender = parseSender(from);
    if (!sender.domain) return { evidence: from ? `sender "${from}" has no address` : 'no sender', impersonates: speaksAsBrand(input, brand) };
    if (!isOfficialHost(sender.domain, brand)) {
      return claimsBrand(sender.displayName, brand)
        ? { evidence: `"${sender.displayName}" sends from ${sender.domain}, not an official domain`, impersonates: true }
        : { evidence: `sent from ${sender.domain}, not an official domain`, impersonates: speaksAsBrand(input, brand) };
    }
    // An official From with answers going elsewhere, or one the receiving server could not authenticate, is forged.
    const reply = input.replyTo ? parseSender(input.replyTo) : null;
    if (reply?.domain && !isOfficialHost(reply.domain, brand)) return { evidence: `replies go to ${reply.address}, not an official domain`, impersonates: true };
    const failed = Object.entries(input.authentication ?? {}).find(([, result]) => /^(fail|softfail)$/i.test(result ?? ''));
    if (failed) return { evidence: `claims ${sender.domain} but ${failed[0].toUpperCase()} failed`, impersonates: true };
    return null;
  }
  const label = input.channel === 'sms' ? 'texted' : 'called';
  if (!from) return { evidence: 'no sender', impersonates: speaksAsBrand(input, brand) };
  if (PHONE_LIKE.test(from)) {
    const asksReply = input.channel === 'sms' && sentencesOf(input).some((sentence) => REPLY_WITH_WORD.test(sentence.folded));
    return { evidence: `${label} from the number ${from}${asksReply ? ', asking for a one-word reply' : ''}`, impersonates: asksReply || speaksAsBrand(input, brand) };
  }
  // A sender id or a caller who names only the brand (the service's own id, or a call the member asked for in the app).
  const firstWords = from.split(/[\s(:,-]+/).filter(Boolean).slice(0, 2).join('');
  if (claimsBrand(firstWords, brand) && !/\d{4,}/.test(from)) return null;
  return { evidence: `${label} by "${from}", not the service`, impersonates: speaksAsBrand(input, brand) };
}
