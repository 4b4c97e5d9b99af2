import type { AccountSnapshot } from '../support.ports.ts';
import { say } from './account-topics.rules.ts';
import type { Reply } from './assistant.types.ts';

/**
 * What the assistant says before answering, without letting it swallow the
 * answer: a password or card number the member pasted (already removed by the
 * chat's redaction, whose markers are read here), a message written in
 * another language, and a security finding on the account. Pure.
 */

/** "my password is X", "password: X" when X is not a word about the password ("wrong", "expired"…). */
const PASSWORD_TOLD = /\b(?:my\s+)?pass(?:word|wd)\s*(?:is|was|:|=)\s*(?!(?:wrong|incorrect|not|correct|right|too|the|expired|forgotten|lost|changed|reset|invalid|mine|same|fine|ok|okay|still|also|definitely|correct|saved|stored|long|short|weak|strong|new|old)\b)["'“]?[^\s"'”]{4,}/i;

/** The chat stores `[password removed]`, `[card number removed]`, `[gift card code removed]`, `[code removed]` (safety's redaction) in place of what was pasted. */
export function pastedSecretNotes(text: string): Reply[] {
  const notes: Reply[] = [];
  if (/\[password removed\]/i.test(text)) {
    notes.push(say(
      'I’ve removed the password from your message, so it isn’t kept in this chat. Reelhouse never asks for your password, so please keep it to yourself. As it has been typed here, change it now on your security page; I’ll carry on with your question below.',
      [{ id: 'link:/account/security', label: 'Change my password' }],
    ));
  }
  else if (PASSWORD_TOLD.test(text)) {
    // The redaction did not recognise it, so it is stored as typed: say so plainly, and change it all the same.
    notes.push(say(
      'It looks like you’ve typed your password here. Please don’t share it with anyone, us included: Reelhouse never asks for it. As it has been written in this chat, change it now on your security page; I’ll carry on with your question below.',
      [{ id: 'link:/account/security', label: 'Change my password' }],
    ));
  }
  if (/\[card number removed\]/i.test(text)) {
    notes.push(say('I’ve removed the card details from your message, so they aren’t kept in this chat. Please never send a full card number in a chat or email: Reelhouse never asks for it. Your card is only ever changed on your payments page (/account/payments).'));
  }
  if (/\[gift card code removed\]/i.test(text)) {
    // A gift card code is spent by whoever types it first: like a card number, it is not kept.
    notes.push(say('I’ve removed the gift card code from your message, so it isn’t kept in this chat. A gift card code works like cash: whoever types it first gets the balance, so never send it to anyone. You add it to your balance yourself at /redeem; if it is refused there, tell us only its last four characters and where the card was bought.'));
  }
  if (/\[code removed\]/i.test(text)) {
    notes.push(say('I’ve removed the code from your message. Never pass a sign-in code to anyone, us included: it’s only for you to type on the sign-in screen.'));
  }
  return notes;
}

/** "my password is [password removed]": the words that introduce a pasted password. */
const PASSWORD_PHRASE = /(?:\b(?:my|the|and|with)\s+)?\b(?:pass(?:word)?|pw|pwd|passwort|senha|contrase[ñn]a|clave)\s*(?:is|was|=|:|ist|es|é)?\s*\[password removed\]/gi;

/**
 * The text triage reads: a pasted password and the words around it draw triage to sign-in help
 * ("my pw is … and I think there are 2 accounts"), so they are left out when something else remains.
 */
export function textForTriage(text: string): string {
  const rest = text.replace(PASSWORD_PHRASE, ' ').replace(/^[\s,.;:!-]*(?:and|but|so)?\b/i, '').replace(/\s+/g, ' ').trim();
  // A password that is itself the topic ("… doesn't work on the TV", "logged in with …") stays for triage to read.
  const aboutThePassword = /\b(?:log|sign)(?:ged|ging)? ?in\b|\bwork\w*\b|\bwrong\b|\baccept\w*\b|\breset\b|\bforgot\w*\b|\bincorrect\b/i.test(rest);
  return rest.split(' ').length >= 3 && !aboutThePassword ? rest : text;
}

/** Where a "link:" button leads, told in the chat when it is tapped (the web app may open it directly). */
export function linkAnswer(choice: string): Reply | null {
  const path = choice.startsWith('link:') ? choice.slice('link:'.length) : null;
  if (!path || !/^\/account(?:\/[a-z-]+)?$/.test(path)) return null;
  const what: Record<string, string> = {
    '/account/security': 'You change your password on your security page: /account/security. Choose one you use nowhere else; signing out of all devices there makes everyone sign in again with the new one.',
    '/account/payments': 'Your card is changed on your payments page: /account/payments. Adding a new card there also tries a failed payment again at once.',
    '/account/extra-members': 'Extra members are added on your extra members page: /account/extra-members.',
  };
  return say(what[path] ?? `Here it is: ${path}`);
}

const LANGUAGES: Record<string, string> = { de: 'German', es: 'Spanish', pt: 'Portuguese', fr: 'French', it: 'Italian', nl: 'Dutch' };
/** Words that make a message English whatever a detector says about a short one. */
const ENGLISH = /\b(?:the|my|is|was|why|when|how|what|you|your|and|charged?|payment|account|please|i|me|it|did|does|can|will)\b/gi;
const CUES: Record<string, RegExp> = {
  de: /\b(?:ich|mich|mir|und|nicht|warum|wann|was|wie|mein(?:e|en)?|wurde|ist|bezahlt|bezahlen|abgebucht|konto|zahlung|hallo|bitte|der|die|das|mit|kostet|zusammen|muss|selbst|etwas|noch|kann|habe)\b|[äöüß]/i,
  es: /\b(?:por qué|porque|cuándo|cuando|mi|cobr\w+|cuenta|pago|tarjeta|hola|la|el|me|qué|quién)\b|[ñ¿¡]/i,
  pt: /\b(?:por que|quando|minha|meu|conta|pagamento|cobran\w+|cobrad[oa]s?|vou|ser|novo|em|oi|olá|você|não|posso|está|acesso)\b|[ãõç]/i,
  fr: /\b(?:pourquoi|quand|mon|ma|mes|compte|paiement|bonjour|je|est|été)\b/i,
  it: /\b(?:perché|quando|mio|mia|conto|pagamento|ciao|sono|addebito)\b/i,
  nl: /\b(?:waarom|wanneer|mijn|rekening|betaling|hallo|ik|niet)\b/i,
};

/**
 * The language a message is written in, when it is not English: triage's
 * detected language (ISO 639-1) if it gave one, checked against the words of
 * the message so that a short English message is never taken for another
 * language; without triage's, a small word-list guess. Null for English.
 */
/** The cues with the global flag, built once, to count them in a message. */
const CUES_GLOBAL: Record<string, RegExp> = Object.fromEntries(Object.entries(CUES).map(([language, cue]) => [language, new RegExp(cue.source, 'gi')]));

export function otherLanguage(text: string, detected: string | undefined): string | null {
  const english = (text.match(ENGLISH) ?? []).length;
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words === 0 || english >= Math.max(2, words / 3)) return null;
  if (detected && detected !== 'en') return LANGUAGES[detected] && CUES[detected].test(text) ? LANGUAGES[detected] : null;
  if (detected === 'en') return null;
  const guess = Object.entries(CUES_GLOBAL).find(([, cue]) => (text.match(cue) ?? []).length >= 2);
  return guess ? LANGUAGES[guess[0]] : null;
}

export function languageNote(language: string): Reply {
  return say(`You wrote in ${language}. I can only answer in English for now, so here is my answer in English. If anything is unclear, you can ask for a person.`);
}

/** Security findings of the account, told briefly once per chat while the member's own question is still answered. */
export function securityBrief(signals: AccountSnapshot['security']['signals']): Reply {
  const first = signals[0]?.summary ?? '';
  const more = signals.length > 1 ? `, and ${signals.length - 1} more finding${signals.length > 2 ? 's' : ''}` : '';
  return {
    body: `Before your question: your account’s security review found something that needs your attention. ${first.replace(/\.$/, '')}${more}. If that wasn’t you, tap “Secure my account” and I’ll help you with it. Here’s the answer to what you asked.`,
    payload: { kind: 'notice', data: { signals }, choices: [{ id: 'secure_account', label: 'Secure my account' }] },
  };
}
