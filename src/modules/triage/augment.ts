/**
 * Deterministic noise for training only: members type in a hurry, in lower
 * case, without punctuation, with typos, and often tell a story before the
 * problem. Each written line is also learnt in these forms. The preambles and
 * closers say nothing about any intent, so the model learns to look past them.
 */
export type Random = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

const PREAMBLES = [
  'Hi there.',
  'Hello, hope you are well.',
  'Good evening,',
  'ok so',
  'hey',
  'Sorry to bother you on a Sunday.',
  'I have been with Reelhouse for about four years and never had an issue until now.',
  'My partner and I watch most nights after the kids go to bed.',
  'So this is a bit of a long one, bear with me.',
  'I am writing on behalf of my elderly father who is not great with technology.',
  'We moved flats last month and everything has been chaotic.',
  'First of all I love the shows, especially the cooking ones.',
  'i tried the help pages already and got nowhere',
  'Long time member here, first time writing in.',
  'It is late and I am tired so sorry for the typos.',
  'My son set all of this up for me years ago.',
  'I was just about to sit down and relax after work.',
  'Quick question if you have a minute.',
  'I already spoke to my bank and my husband about this.',
  'we have the family plan and mostly watch on the big screen in the lounge',
  'I am usually on my phone or laptop when I watch.',
  'Not sure if this is the right place to ask.',
  'We were away on holiday for two weeks and just got back.',
  'This is the second time I am writing.',
  'Apologies in advance, english is not my first language.',
];

const CLOSERS = [
  'Thanks.',
  'thank you in advance',
  'pls help',
  'Please get back to me soon.',
  'this is really annoying',
  'Cheers',
  'Any help appreciated!',
  'thx',
  'I would appreciate a quick answer.',
  'kind regards',
];

const SLANG: [RegExp, string][] = [
  [/\byou\b/g, 'u'],
  [/\bplease\b/g, 'pls'],
  [/\byour\b/g, 'ur'],
  [/\bbecause\b/g, 'cuz'],
  [/\bthanks\b/g, 'thx'],
  [/\bare\b/g, 'r'],
];

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'sq', b: 'vn', c: 'xv', d: 'sf', e: 'wr', f: 'dg', g: 'fh', h: 'gj', i: 'uo', j: 'hk', k: 'jl', l: 'k', m: 'n',
  n: 'bm', o: 'ip', p: 'o', q: 'w', r: 'et', s: 'ad', t: 'ry', u: 'yi', v: 'cb', w: 'qe', x: 'zc', y: 'tu', z: 'x',
};

function misspell(word: string, random: Random): string {
  const i = 1 + Math.floor(random() * (word.length - 2));
  const kind = random();
  if (kind < 0.3) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (kind < 0.55) return word.slice(0, i) + word.slice(i + 1);
  if (kind < 0.75) return word.slice(0, i) + word[i] + word.slice(i);
  const near = KEYBOARD_NEIGHBOURS[word[i]];
  return near ? word.slice(0, i) + pick(random, [...near]) + word.slice(i + 1) : word;
}

/** One or two typos in words of four letters or more. */
export function withTypos(text: string, random: Random): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{4,}$/i.test(w));
  const count = Math.min(candidates.length, 1 + Math.floor(random() * 2));
  for (let k = 0; k < count; k++) {
    const [, i] = pick(random, candidates);
    words[i] = misspell(words[i], random);
  }
  return words.join(' ');
}

/** lower case, no punctuation, chat shorthand. */
export function casual(text: string, random: Random): string {
  let out = text.toLowerCase().replace(/[.,!?¿¡;:"()]/g, '').replace(/\s+/g, ' ').trim();
  for (const [pattern, short] of SLANG) if (random() < 0.5) out = out.replace(pattern, short);
  return out;
}

export function withStory(text: string, random: Random): string {
  const first = pick(random, PREAMBLES);
  const second = random() < 0.4 ? ` ${pick(random, PREAMBLES)}` : '';
  return `${first}${second} ${text}`;
}

export function withCloser(text: string, random: Random): string {
  return `${text} ${pick(random, CLOSERS)}`;
}

/** The written line and three noisy forms of it. */
export function variants(text: string, random: Random): string[] {
  return [
    text,
    withTypos(casual(text, random), random),
    withStory(random() < 0.5 ? text : casual(text, random), random),
    withCloser(withTypos(text, random), random),
  ];
}

/**
 * German, Spanish and Portuguese lines: as written, casual with typos, and
 * with typos only. The preambles and closers are English, so they are left out.
 */
export function languageVariants(text: string, random: Random): string[] {
  return [text, withTypos(casual(text, random), random), withTypos(text, random)];
}

/** Crowd-written public lines: as written, casual with typos, and behind a preamble (members tell a story first). */
export function publicVariants(text: string, random: Random): string[] {
  return [text, withTypos(casual(text, random), random), withStory(text, random)];
}

/** Greetings, sign-offs and signatures of a written email, per language: none of them says anything about a problem. */
const EMAIL_PARTS: Record<string, { greetings: string[]; signoffs: string[] }> = {
  en: {
    greetings: ['Dear Sir or Madam,', 'Hi team,', 'Hello Reelhouse,', 'To whom it may concern,', 'Good morning,', 'Hi,', 'Dear support,'],
    signoffs: ['Kind regards,', 'Best wishes,', 'Many thanks,', 'Sincerely,', 'Thanks in advance,', 'Regards,', 'Sent from my phone'],
  },
  de: {
    greetings: ['Sehr geehrte Damen und Herren,', 'Hallo zusammen,', 'Guten Tag,', 'Hallo Reelhouse-Team,', 'Moin,'],
    signoffs: ['Mit freundlichen Grüßen', 'Viele Grüße', 'Danke im Voraus', 'Beste Grüße', 'Gruß'],
  },
  es: {
    greetings: ['Estimados señores:', 'Hola,', 'Buenos días,', 'Buenas tardes equipo de Reelhouse,', 'A quien corresponda:'],
    signoffs: ['Atentamente,', 'Saludos,', 'Un saludo,', 'Gracias de antemano,', 'Muchas gracias,'],
  },
  pt: {
    greetings: ['Prezados,', 'Olá,', 'Bom dia,', 'Boa tarde, equipe Reelhouse,', 'Oi pessoal,'],
    signoffs: ['Atenciosamente,', 'Abraços,', 'Obrigado desde já,', 'Att,', 'Muito obrigada,'],
  },
};
const NAMES = ['Anna Kowalski', 'J. Okafor', 'Marta', 'Tom Becker', 'Lucía Ramos', 'Paulo Henrique', 'Mrs. D. Hughes', 'Kenji', 'Fatima Noor', 'R. Lindqvist', 'Grace'];
const ROLES = ['Office Manager, Northside Physio', 'Owner, Blue Door Bakery', 'Accounts, Fenwick & Daughters Ltd', 'on behalf of my father', 'Tel. 0161 555 0192', 'Flat 4B'];

/** The line inside an email: a greeting, the line, a sign-off and a name, sometimes with a role or company under it. */
export function asEmail(text: string, language: string, random: Random): string {
  const parts = EMAIL_PARTS[language] ?? EMAIL_PARTS.en;
  const signature = random() < 0.4 ? `${pick(random, NAMES)}\n${pick(random, ROLES)}` : pick(random, NAMES);
  return `${pick(random, parts.greetings)}\n\n${text}\n\n${pick(random, parts.signoffs)}\n${signature}`;
}
