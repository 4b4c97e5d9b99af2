import { describe, expect, it } from 'vitest';
import { readDevSet, scoreDevSet } from './dev-sets.ts';

/**
 * Development sets in dev-sets/ (issue 10, third round: members' styles, gift-card codes and PINs, complaint references).
 * `members-batch1-*` was written and frozen before any rule change of this round; first measure: en 87.4 % removed
 * (139 of 159) / 99.0 % kept (101 of 102), de 92.0 / 100, es 92.6 / 100, pt 96.4 / 100. The rules were then changed for its
 * misses, so these floors describe this set, not unseen text. members-batch1-en keeps one miss: "tried ocean blue 1 and
 * oceanblue1" (a password of lower-case words with spaces, no quotes, after a typing verb).
 * `members-batch2-*` was written after those changes and frozen before any change for it; measured once: en 88.6 % removed
 * (62 of 70) / 97.9 % kept (46 of 47), de/es/pt 100 / 100. Its misses were then fixed as kinds ("it's crimson tide 45", "the code
 * behind is 993", "3rd month of 2028", "sort 30-96-17", "the secret word is X", a birthday with slashes as the password,
 * "pword for … = X", a confirmation number read as a phone).
 * `members-batch3-*` was written after those and frozen before any change for it; measured once: en 86.0 % removed (43 of 50)
 * / 100 % kept (40 of 40), de/es/pt 100 / 100. Its misses, fixed as kinds: a year read aloud after "expires in" with a card
 * around, "the date on my card is 11/29 and the little code is 406", "valid from 10/25 to 10/30", "mike @ example . com",
 * "pass phrase", capitals and digits typed in a message about caps lock or signing in.
 * `members-batch4-*` (forwarded mail, pasted forms, typos in the cue words, odd separators) was written after those and
 * frozen before any change for it; measured once: en 95.9 % removed (47 of 49) / 100 % kept, de 91.7 (11 of 12) / 100,
 * es 100 / 100, pt 100 / 100. Fixed as kinds: an expiry read aloud around "slash" / "barra", "die Nummer hinten auf der
 * Karte", a letter O typed between digits ("6O4 218").
 * `members-batch5-*` was written after all of those and frozen before any change for it; measured once: en 94.9 % removed
 * (37 of 39) / 100 % kept, de/es/pt 100 / 100. Fixed as kinds: a month name and year in a message pasting a card number
 * ("runs out dec 2027"), "drivers lic".
 * `members-batch6-*` was written after all of those and frozen before any change for it; measured once: en 100 % removed
 * (41 of 41) / 95.7 % kept (22 of 23), de/es/pt 100 / 100. Fixed as a kind: letters joined by "_" or "." with no digit
 * ("marathon_mom" in "sign in with marathon_mom and Boston2019") are a username's shape, a password only right after a password word.
 */
const FLOORS: Record<string, { removed: number; kept: number; lines: number }> = {
  'members-batch1-en': { removed: 0.99, kept: 1, lines: 150 },
  'members-batch1-de': { removed: 1, kept: 1, lines: 25 },
  'members-batch1-es': { removed: 1, kept: 1, lines: 25 },
  'members-batch1-pt': { removed: 1, kept: 1, lines: 25 },
  'members-batch2-en': { removed: 1, kept: 1, lines: 70 },
  'members-batch2-de': { removed: 1, kept: 1, lines: 20 },
  'members-batch2-es': { removed: 1, kept: 1, lines: 20 },
  'members-batch2-pt': { removed: 1, kept: 1, lines: 20 },
  'members-batch3-en': { removed: 1, kept: 1, lines: 55 },
  'members-batch3-de': { removed: 1, kept: 1, lines: 15 },
  'members-batch3-es': { removed: 1, kept: 1, lines: 15 },
  'members-batch3-pt': { removed: 1, kept: 1, lines: 15 },
  'members-batch4-en': { removed: 1, kept: 1, lines: 49 },
  'members-batch4-de': { removed: 1, kept: 1, lines: 12 },
  'members-batch4-es': { removed: 1, kept: 1, lines: 12 },
  'members-batch4-pt': { removed: 1, kept: 1, lines: 12 },
  'members-batch5-en': { removed: 1, kept: 1, lines: 40 },
  'members-batch5-de': { removed: 1, kept: 1, lines: 8 },
  'members-batch5-es': { removed: 1, kept: 1, lines: 8 },
  'members-batch5-pt': { removed: 1, kept: 1, lines: 8 },
  'members-batch6-en': { removed: 1, kept: 1, lines: 40 },
  'members-batch6-de': { removed: 1, kept: 1, lines: 8 },
  'members-batch6-es': { removed: 1, kept: 1, lines: 8 },
  'members-batch6-pt': { removed: 1, kept: 1, lines: 8 },
};

describe('redaction on the dev-sets/ development sets', () => {
  it.each(Object.entries(FLOORS))('%s: secrets removed and harmless figures kept reach their floor', (name, floor) => {
    const rows = readDevSet(new URL(`./dev-sets/${name}.jsonl`, import.meta.url));
    expect(rows.length).toBeGreaterThanOrEqual(floor.lines);
    const score = scoreDevSet(rows);
    expect(score.secrets).toBeGreaterThan(0);
    expect({ misses: score.misses, removed: score.removed / score.secrets >= floor.removed }).toEqual({ misses: floor.removed === 1 ? [] : score.misses, removed: true });
    expect({ losses: score.losses, kept: score.kept / score.harmless >= floor.kept }).toEqual({ losses: floor.kept === 1 ? [] : score.losses, kept: true });
  });
});
