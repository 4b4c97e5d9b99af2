import {
  ASK_OR_SHARE, ATTACHMENT_OR_QR, CARD_SECRET, CLAIM, CODE_SECRET, CONDITION, CRYPTO, CRYPTO_WALLET, ENTER_ON_PAGE, GIFT_CARD, GIFT_CARD_PAYMENT, HAND_OVER,
  INSTALL, MISSPELLING, NEGATION, OPTION, PASSWORD_SECRET, PAYMENT_REQUEST, PRIZE, REMOTE_ACCESS, REMOTE_ACCESS_APP, SERVICE_CODE, THREAT, URGENCY, WIRE, foldForCues,
} from './cues.ts';
import { editDistance, skeleton } from './domains.ts';
import { quote, type Sentence } from './message-text.ts';
import type { Brand, Signal, SignalCode } from './scan.types.ts';

const global = (pattern: RegExp): RegExp => new RegExp(pattern.source, `${pattern.flags}g`);
const CARD_ANYWHERE = global(CARD_SECRET);
const SERVICE_CODE_ANYWHERE = global(SERVICE_CODE);

/** "We will never ask for your password", "do not share this code": a safety notice, never a request. */
function isSafetyNotice(folded: string): boolean {
  return NEGATION.test(folded) && ASK_OR_SHARE.test(folded);
}

/** The secrets a sentence names: a card, a password, a one-time code. */
function secretsMentioned(folded: string): SignalCode[] {
  const codes: SignalCode[] = [];
  // The number and PIN on the back of a gift card are the gift-card sign, not a bank card.
  if (CARD_SECRET.test(folded) && !GIFT_CARD.test(folded)) codes.push('asks_card');
  if (PASSWORD_SECRET.test(folded)) codes.push('asks_password');
  // The code on a card's back is the card; the in-app service code is what agents may ask for.
  const withoutCardOrServiceCode = folded.replace(CARD_ANYWHERE, ' ').replace(SERVICE_CODE_ANYWHERE, ' ');
  if (CODE_SECRET.test(withoutCardOrServiceCode) && !GIFT_CARD.test(folded)) codes.push('asks_code');
  return codes;
}

function asksToHandOver(folded: string, linksOffDomain: boolean): boolean {
  return HAND_OVER.test(folded) || (linksOffDomain && ENTER_ON_PAGE.test(folded));
}

/**
 * What a sentence asks the member to hand over. A secret alone is a
 * mention ("your sign-in code is 4829"); it becomes a request with a verb of
 * handing it back (reply, read it to me, tell us), or of typing it into a
 * page when the message links off the official domains.
 */
function requestedSecrets(sentence: Sentence, linksOffDomain: boolean): SignalCode[] {
  const { folded } = sentence;
  if (isSafetyNotice(folded) || !asksToHandOver(folded, linksOffDomain)) return [];
  return secretsMentioned(folded);
}

/**
 * "We just texted you a code. Can you read it to me?": the request names
 * the secret of the sentence before it with a pronoun.
 */
function requestedFromPrevious(sentence: Sentence, previous: Sentence | undefined, linksOffDomain: boolean): SignalCode[] {
  if (!previous || isSafetyNotice(sentence.folded) || isSafetyNotice(previous.folded)) return [];
  if (!HAND_OVER.test(sentence.folded) || secretsMentioned(sentence.folded).length > 0) return [];
  return secretsMentioned(previous.folded).filter(() => asksToHandOver(sentence.folded, linksOffDomain));
}

function isThreat(folded: string): boolean {
  return THREAT.test(folded) && !OPTION.test(folded) && (URGENCY.test(folded) || CONDITION.test(folded));
}

const GIFT_CARD_ANYWHERE = global(GIFT_CARD);
/** Handed to the one writing ("send us the code"), not passed on to a friend ("send the code to your friend"). */
const TO_US = /(?<![\p{L}\p{N}])(?:us|me|uns|mir|ons|mij|nos|nous|moi|ci|mi)(?![\p{L}\p{N}])/u;
const GIFT_CARD_SECRET = /(?<![\p{L}\p{N}])(?:codes?|pins?|numbers?|digits|codigos?|numeros?|codici|nummers?|nummern?)(?![\p{L}\p{N}])/u;

/** Whether every gift card the sentence names is the brand's own ("a Reelhouse gift card", "dein Reelhouse-Gutschein"). */
function onlyOwnGiftCards(folded: string, brand: Brand): boolean {
  const name = foldForCues(brand.name);
  return [...folded.matchAll(GIFT_CARD_ANYWHERE)].every((match) => folded.slice(Math.max(0, match.index - name.length - 4), match.index).includes(name));
}

/**
 * Paying someone with gift cards, crypto or a wire. The brand's own gift
 * card ("buy a Reelhouse gift card") is its product, and counts only when its
 * code is to be handed over.
 */
function asksForUntraceableMoney(folded: string, brand: Brand): boolean {
  if (isSafetyNotice(folded)) return false;
  if (GIFT_CARD.test(folded)) {
    // Reading out a gift card's code or PIN is the scam whoever sells the card; buying one only when it is not the brand's own.
    if (HAND_OVER.test(folded) && GIFT_CARD_SECRET.test(folded) && (!onlyOwnGiftCards(folded, brand) || TO_US.test(folded))) return true;
    if (GIFT_CARD_PAYMENT.test(folded) && !onlyOwnGiftCards(folded, brand)) return true;
  }
  if (CRYPTO_WALLET.test(folded)) return true;
  return (CRYPTO.test(folded) || WIRE.test(folded)) && PAYMENT_REQUEST.test(folded);
}

function pushesRemoteAccess(folded: string): boolean {
  if (isSafetyNotice(folded)) return false;
  return REMOTE_ACCESS_APP.test(folded) || (REMOTE_ACCESS.test(folded) && INSTALL.test(folded));
}

/** A word that is the brand's name with a letter or two wrong ("Reelhuose"), as a careless forger writes it. */
function misspeltBrand(sentence: Sentence, brand: Brand): boolean {
  const name = skeleton(brand.name.replace(/[^\p{L}\p{N}]/gu, ''));
  if (name.length < 6) return false;
  // Words of spaced scripts only: "Reelhouseです" is the name followed by Japanese, not a misspelling.
  return (sentence.original.match(/[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]+/gu) ?? []).some((word) => {
    if (word.length < name.length - 2 || word.length > name.length + 2) return false;
    const folded = foldForCues(word);
    if (folded === name || skeleton(word) === name) return false;
    return editDistance(folded, name) <= 2;
  });
}

/** Links and addresses are judged as domains, not as spelling. */
const URLS_AND_ADDRESSES = /(?:https?:\/\/|www\.)\S+|[^\s@]{1,64}@\S+|\[[^\]\s]{0,200}\]|(?<![\p{L}\p{N}.-])(?:[\p{L}\p{N}-]{1,63}\.){1,10}[\p{L}]{2,24}(?:\/\S*)?/gu;

function wordsOnly(sentence: Sentence): Sentence {
  const original = sentence.original.replace(URLS_AND_ADDRESSES, ' ');
  return { original, folded: foldForCues(original) };
}

/** The signs read from the words: requests, threats, money, remote access, prizes, spelling. */
export function contentSignals(sentences: Sentence[], brand: Brand, linksOffDomainOnly: boolean): Signal[] {
  // An attachment to open or a QR code to scan leads to a page as unseen as a foreign link.
  const linksOffDomain = linksOffDomainOnly || sentences.some((sentence) => ATTACHMENT_OR_QR.test(sentence.folded));
  const found = new Map<SignalCode, string>();
  const note = (code: SignalCode, sentence: Sentence) => {
    if (!found.has(code)) found.set(code, quote(sentence.original));
  };
  sentences.forEach((sentence, index) => {
    const { folded } = sentence;
    for (const code of requestedSecrets(sentence, linksOffDomain)) note(code, sentence);
    const previous = sentences[index - 1];
    for (const code of requestedFromPrevious(sentence, previous, linksOffDomain)) note(code, { original: `${previous.original} ${sentence.original}`, folded: '' });
    if (isThreat(folded)) note('urgent_threat', sentence);
    else if (THREAT.test(folded) && !OPTION.test(folded) && !isSafetyNotice(folded)) {
      const next = sentences[index + 1]?.folded ?? '';
      const previous = sentences[index - 1]?.folded ?? '';
      if (URGENCY.test(next) || URGENCY.test(previous)) note('urgent_threat', sentence);
    }
    if (asksForUntraceableMoney(folded, brand)) note('gift_card_or_crypto_or_wire', sentence);
    if (pushesRemoteAccess(folded)) note('remote_access_software', sentence);
    if (PRIZE.test(folded) && (CLAIM.test(folded) || CLAIM.test(sentences[index + 1]?.folded ?? ''))) note('prize_claim', sentence);
    const prose = wordsOnly(sentence);
    if (MISSPELLING.test(prose.folded) || misspeltBrand(prose, brand)) note('spelling_errors', sentence);
  });
  return [...found].map(([code, evidence]) => ({ code, evidence }));
}
