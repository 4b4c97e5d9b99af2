import { describe, expect, it } from 'vitest';
import { readDevSet, scoreDevSet } from './dev-sets.ts';

/**
 * The development sets written for issue 10 (data/): `dev-*` were written
 * before the rules changed (secrets removed then: en 56.5 %, de 26.0 %,
 * es 28.6 %, pt 32.0 %; harmless figures kept 100 %); `check-*` were written
 * after a first version of the rules and measured before any change for them
 * (en 89.6 % / 97.2 % kept, de 100 / 100, es 95.2 / 100, pt 90.5 / 100);
 * `check2-*` (longer, chattier lines) after the second version, measured
 * before any change for them (en 93.3 % / 100 %, de 91.7 / 100, es 100 / 100,
 * pt 100 / 100); `check3-*` (mostly harmless figures next to login and
 * phone words) after the third, measured before any change for them (secrets
 * 100 % in all four; harmless kept en 94.0 %, de 100, es 91.3, pt 91.3);
 * `check4-*` after the fourth (secrets en 94.1 %, de 88.2, es 88.2, pt 100;
 * harmless kept 100 % in all four); `check5-*` after the fifth (secrets en
 * 93.3 %, de/es/pt 92.3; harmless kept en 100, de 90.0, es 100, pt 100).
 * The rules were then tuned on both, so the floors below describe these sets,
 * not unseen text: the frozen held-out set (bench/heldout) says that.
 */
const FLOORS: Record<string, { removed: number; kept: number }> = {
  'dev-en': { removed: 1, kept: 1 },
  'dev-de': { removed: 1, kept: 1 },
  'dev-es': { removed: 1, kept: 1 },
  'dev-pt': { removed: 1, kept: 1 },
  'check-en': { removed: 1, kept: 1 },
  'check-de': { removed: 1, kept: 1 },
  'check-es': { removed: 1, kept: 1 },
  'check-pt': { removed: 1, kept: 1 },
  'check2-en': { removed: 1, kept: 1 },
  'check2-de': { removed: 1, kept: 1 },
  'check2-es': { removed: 1, kept: 1 },
  'check2-pt': { removed: 1, kept: 1 },
  'check3-en': { removed: 1, kept: 1 },
  'check3-de': { removed: 1, kept: 1 },
  'check3-es': { removed: 1, kept: 1 },
  'check3-pt': { removed: 1, kept: 1 },
  'check4-en': { removed: 1, kept: 1 },
  'check4-de': { removed: 1, kept: 1 },
  'check4-es': { removed: 1, kept: 1 },
  'check4-pt': { removed: 1, kept: 1 },
  'check5-en': { removed: 1, kept: 1 },
  'check5-de': { removed: 1, kept: 1 },
  'check5-es': { removed: 1, kept: 1 },
  'check5-pt': { removed: 1, kept: 1 },
  // Two adversarial rounds (voice-to-text, numbers as words, ESL, teenagers, elderly, pasted mail and bank fragments, sarcasm).
  // First measures, each before any change for it: adversarial en 86.5 / 99.4 % kept, de 93.3 / 100, es 93.5 / 100, pt 93.6 / 100;
  // adversarial2 (written after the first round of changes) en 83.0 / 100, de 95.0 / 100, es 94.7 / 100, pt 89.5 / 100;
  // adversarial3 (after the second) en 86.8 / 100, de 94.1 / 100, es 93.8 / 100, pt 100 / 100;
  // adversarial4 (after the third) en 90.9 / 100, de/es/pt 100 / 100;
  // adversarial5 (after the fourth) en 83.3 / 95.5, de 100 / 100, es 92.3 / 100, pt 85.7 / 100;
  // adversarial6 (after the fifth) en 91.2 / 100, de/es/pt 80.0 / 100 (one line each: "maybe X or Y");
  // adversarial7 (after the sixth; harmless words glued to digits) en 81.0 / 91.7, de 50.0 / 100, es 75.0 / 100, pt 100 / 100;
  // adversarial8 (after the seventh) en 96.6 / 100, de/es/pt 100 / 100;
  // adversarial9 (after the eighth; mostly harmless figures) en 100 / 97.8, de/es/pt 100 / 100;
  // adversarial10 (after the ninth) en 73.1 / 100, de/es/pt 75.0 / 100 (one line each: "the same one as Netflix, X").
  // adversarial10-en keeps one miss: "RH8842kp", letters around digits with no cue but "the one from the letter".
  // adversarial-en keeps two misses on purpose: a password with spaces ("Blue Moon 77") and a plain word set with "I set it to" and no password word.
  'adversarial-en': { removed: 0.99, kept: 1 },
  'adversarial-de': { removed: 1, kept: 1 },
  'adversarial-es': { removed: 1, kept: 1 },
  'adversarial-pt': { removed: 1, kept: 1 },
  'adversarial2-en': { removed: 1, kept: 1 },
  'adversarial2-de': { removed: 1, kept: 1 },
  'adversarial2-es': { removed: 1, kept: 1 },
  'adversarial2-pt': { removed: 1, kept: 1 },
  'adversarial3-en': { removed: 1, kept: 1 },
  'adversarial3-de': { removed: 1, kept: 1 },
  'adversarial3-es': { removed: 1, kept: 1 },
  'adversarial3-pt': { removed: 1, kept: 1 },
  'adversarial4-en': { removed: 1, kept: 1 },
  'adversarial4-de': { removed: 1, kept: 1 },
  'adversarial4-es': { removed: 1, kept: 1 },
  'adversarial4-pt': { removed: 1, kept: 1 },
  'adversarial5-en': { removed: 1, kept: 1 },
  'adversarial5-de': { removed: 1, kept: 1 },
  'adversarial5-es': { removed: 1, kept: 1 },
  'adversarial5-pt': { removed: 1, kept: 1 },
  'adversarial6-en': { removed: 1, kept: 1 },
  'adversarial6-de': { removed: 1, kept: 1 },
  'adversarial6-es': { removed: 1, kept: 1 },
  'adversarial6-pt': { removed: 1, kept: 1 },
  'adversarial7-en': { removed: 1, kept: 1 },
  'adversarial7-de': { removed: 1, kept: 1 },
  'adversarial7-es': { removed: 1, kept: 1 },
  'adversarial7-pt': { removed: 1, kept: 1 },
  'adversarial8-en': { removed: 1, kept: 1 },
  'adversarial8-de': { removed: 1, kept: 1 },
  'adversarial8-es': { removed: 1, kept: 1 },
  'adversarial8-pt': { removed: 1, kept: 1 },
  'adversarial9-en': { removed: 1, kept: 1 },
  'adversarial9-de': { removed: 1, kept: 1 },
  'adversarial9-es': { removed: 1, kept: 1 },
  'adversarial9-pt': { removed: 1, kept: 1 },
  'adversarial10-en': { removed: 0.96, kept: 1 },
  'adversarial10-de': { removed: 1, kept: 1 },
  'adversarial10-es': { removed: 1, kept: 1 },
  'adversarial10-pt': { removed: 1, kept: 1 },
  // fresh-* (phone typing, mixed languages, wrong words for things, polite vague members, small businesses, look-alike figures),
  // frozen before the general detectors (secret-shaped words in a message about getting in, six digits in a message about a
  // code or the TV, the rest of a card number's sentence): first measure en 84.5 / 98.6 % kept, de 91.1 / 100, es 97.8 / 95.7, pt 97.8 / 100.
  // fresh-en keeps six misses: a phone read with "oh" and "double zero", "the code is prob Zoe_0611", "something like Heather1962"
  // with no word about getting in, "GRANDMA2024" (capitals and digits are promo codes), "Velvet Thunder 42" (spaces), an SSN in spaces.
  'fresh-en': { removed: 0.96, kept: 1 },
  'fresh-de': { removed: 1, kept: 1 },
  'fresh-es': { removed: 1, kept: 1 },
  'fresh-pt': { removed: 1, kept: 1 },
  // fresh2-* written after those detectors, measured once before any change: en 87.5 / 95.7 % kept, de/es/pt 81.8 / 100
  // (trying verbs "tryin", "probiere", "probando", "tentando" and "account name is jsmith88" were not read); fresh2-en keeps two
  // misses: a gift card PIN (gift card codes were kept on purpose then) and a birth date given as the password; both removed since
  // the third round (dev-sets/, redaction.dev-sets.test.ts), where gift-card codes became secrets: adversarial-en's "gift card code
  // GIFT-8812-XQ" moved from must_keep to must_remove.
  'fresh2-en': { removed: 0.93, kept: 1 },
  'fresh2-de': { removed: 1, kept: 1 },
  'fresh2-es': { removed: 1, kept: 1 },
  'fresh2-pt': { removed: 1, kept: 1 },
};

describe('redaction on the development sets', () => {
  it.each(Object.entries(FLOORS))('%s: secrets removed and harmless figures kept reach their floor', (name, floor) => {
    const rows = readDevSet(new URL(`./data/${name}.jsonl`, import.meta.url));
    expect(rows.length).toBeGreaterThanOrEqual(name === 'adversarial-en' ? 300 : name.startsWith('adversarial-') ? 60 : name.startsWith('adversarial') ? 6 : name === 'fresh-en' ? 150 : name.startsWith('fresh-') ? 40 : name.startsWith('fresh2-') ? 10 : name.startsWith('dev-en') ? 150 : name.startsWith('dev-') ? 50 : 15);
    const score = scoreDevSet(rows);
    expect(score.secrets).toBeGreaterThan(0);
    expect({ misses: score.misses, removed: score.removed / score.secrets >= floor.removed }).toEqual({ misses: floor.removed === 1 ? [] : score.misses, removed: true });
    expect({ losses: score.losses, kept: score.kept / score.harmless >= floor.kept }).toEqual({ losses: floor.kept === 1 ? [] : score.losses, kept: true });
  });
});
