import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redact, REPLACEMENTS, type RedactOptions } from './index.ts';

/**
 * Redaction is applied again to text that was already redacted (a stored
 * message redacted once more with service codes removed, a desk summary
 * quoting a chat line, a title report copied into a case). A second pass must
 * change nothing: redact(redact(x)) === redact(x), with no new findings.
 *
 * The corpus: every string literal of redaction.test.ts and
 * redaction.languages.test.ts (read from their source, so the corpus grows
 * with them), the development sets in data/, the shared sample lines beside the repository
 * (skipped when they are absent), and each placeholder after each cue that
 * names a secret.
 */
const here = (file: string) => new URL(file, import.meta.url);
const SHARED = '../../../../../shared/data/';

function literalsOf(file: URL): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1')).filter((text) => text.length > 3);
}

function sampleLines(file: string, fields: string[]): string[] {
  const url = here(`${SHARED}${file}`);
  if (!existsSync(url)) return [];
  return readFileSync(url, 'utf8').trim().split('\n').flatMap((line) => {
    const row = JSON.parse(line) as Record<string, unknown>;
    return fields.map((field) => row[field]).filter((value): value is string => typeof value === 'string');
  });
}

const PLACEHOLDERS = [...new Set([...Object.values(REPLACEMENTS), '[service code removed]'])];
const CUES = [
  'my password is', 'pw:', 'password =', 'reset my password to', 'the new one is', 'the code is', 'my verification code:', 'my service code is', 'pin',
  'cvv', 'security code', 'card', 'exp', 'expires', 'call me on', 'my number is', 'email me at', 'text', '4111 1111 1111 1111',
  'Kennwort:', 'la contraseña es', 'senha:', 'login jane@example.com /', 'i use', 'Prüfziffer', 'código de seguridad', 'gültig bis', 'validade',
  'Bestätigungscode', 'código de verificación', 'the sms said', 'my SSN is', 'NI number', 'passport number', 'Steuer-ID', 'mi DNI es', 'CPF',
  'IBAN', 'account number', 'Kontonummer', 'write me at jane dot doe at', 'Handynummer', 'llámame al',
];
const placeholderLines = PLACEHOLDERS.flatMap((placeholder) => [
  ...CUES.flatMap((cue) => [`${cue} ${placeholder}`, `${cue} ${placeholder} thanks`, `${placeholder} is my ${cue}`]),
  `${placeholder} 482913`, `code ${placeholder} 4821`, `${placeholder}${placeholder}`, `(${placeholder})`, `${placeholder}. Then my password is hunter2`,
]);

const devSets = ['dev', 'check', 'check2', 'check3', 'check4', 'check5', 'adversarial', 'adversarial2', 'adversarial3', 'adversarial4', 'adversarial5', 'adversarial6', 'adversarial7', 'adversarial8', 'adversarial9', 'adversarial10'].flatMap((set) => ['en', 'de', 'es', 'pt'].map((language) => `${set}-${language}`)).flatMap((name) =>
  readFileSync(here(`./data/${name}.jsonl`), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { text: string }).text),
);

/** The sets in dev-sets/ (issue 10, third round), whatever their names. */
const roundThreeSets = readdirSync(here('./dev-sets')).filter((name) => name.endsWith('.jsonl')).flatMap((name) =>
  readFileSync(here(`./dev-sets/${name}`), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { text: string }).text),
);

const corpus = [...new Set([
  ...literalsOf(here('./redaction.test.ts')),
  ...literalsOf(here('./gift-cards.test.ts')),
  ...literalsOf(here('./redaction.round3.test.ts')),
  ...roundThreeSets,
  ...literalsOf(here('./redaction.languages.test.ts')),
  ...devSets,
  ...sampleLines('pii-sample.jsonl', ['text']),
  ...sampleLines('moderation-sample.jsonl', ['text']),
  ...sampleLines('phishing-sample.jsonl', ['subject', 'body']),
  ...sampleLines('intents-sample.jsonl', ['text']),
  ...sampleLines('public/intents-public-train.jsonl', ['text']),
  ...placeholderLines,
])];

function notIdempotent(options: RedactOptions): { text: string; once: string; twice: string }[] {
  return corpus.flatMap((text) => {
    const once = redact(text, options).text;
    const again = redact(once, options);
    return again.text === once && again.findings.length === 0 ? [] : [{ text, once, twice: again.text }];
  });
}

describe('redaction is idempotent', () => {
  it('has a corpus of test lines, sample lines and placeholders after cues', () => {
    expect(placeholderLines.length).toBeGreaterThan(300);
    expect(corpus.length).toBeGreaterThan(placeholderLines.length + 50);
  });

  it('leaves placeholders as they are: "my password is [password removed]" is already redacted', () => {
    for (const placeholder of PLACEHOLDERS) {
      for (const text of [`my password is ${placeholder}`, `my verification code is ${placeholder}`, `cvv ${placeholder}`, `call me on ${placeholder}`]) {
        expect(redact(text).text, text).toBe(text);
        expect(redact(text, { serviceCodes: 'remove' }).findings, text).toEqual([]);
      }
    }
  });

  it.each([['keep'], ['remove']] as const)('redact(redact(x)) === redact(x) over the corpus (service codes: %s)', (serviceCodes) => {
    expect(notIdempotent({ serviceCodes })).toEqual([]);
  });

  it('a text redacted keeping service codes, then removing them, equals one redacted removing them', () => {
    const differ = corpus.filter((text) => redact(redact(text).text, { serviceCodes: 'remove' }).text !== redact(text, { serviceCodes: 'remove' }).text);
    expect(differ).toEqual([]);
  });
});
