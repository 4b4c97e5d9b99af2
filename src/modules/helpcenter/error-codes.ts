import fs from 'node:fs';
import { z } from 'zod';

/** content/error-codes.json: the codes the Reelhouse apps show, what they mean and what to do. */
const errorCodeSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+$/, 'must be letters and digits joined by hyphens'),
  title: z.string().min(3),
  meaning: z.string().min(10),
  devices: z.array(z.string().min(2)).min(1),
  steps: z.array(z.string().min(3)).min(1),
  /** A guided flow for when the steps do not help (the flows engineer's URLs). */
  flow: z.string().regex(/^[a-z0-9-]+$/).optional(),
  /** Articles that explain more. */
  related: z.array(z.string()).default([]),
});

export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The general streaming steps (PRODUCT.md §4): where an unknown code sends the member. */
export const GENERAL_FLOW_URL = '/help/flows/general-streaming';

/** "nw 2-5", "NW_2_5" and "nw-2-5" are the same code; so are "ap310" and "AP-310" (letters then digits without a dash). */
export function normalizeErrorCode(code: string): string {
  return code.trim().toUpperCase().replace(/[\s_–—]+/g, '-').replace(/-+/g, '-').replace(/^([A-Z]{1,4})(\d)/, '$1-$2');
}

export function loadErrorCodes(file: string): ErrorCode[] {
  const parsed = z.array(errorCodeSchema).safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? '?'} ${issue?.message ?? 'is invalid'}`);
  }
  const seen = new Set<string>();
  for (const entry of parsed.data) {
    const key = normalizeErrorCode(entry.code);
    if (seen.has(key)) throw new Error(`${file}: the code ${entry.code} appears twice`);
    seen.add(key);
  }
  return parsed.data;
}

export type ErrorCatalog = {
  all: readonly ErrorCode[];
  find(code: string): ErrorCode | undefined;
  /** A known code typed alone or inside a sentence ("my tv says error ap-310"). */
  findIn(text: string): ErrorCode | undefined;
};

export function createErrorCatalog(codes: readonly ErrorCode[]): ErrorCatalog {
  const byCode = new Map(codes.map((entry) => [normalizeErrorCode(entry.code), entry]));
  const find = (code: string) => byCode.get(normalizeErrorCode(code));
  return {
    all: codes,
    find,
    findIn: (text) => {
      const whole = find(text);
      if (whole) return whole;
      // Letters then parts with a digit, joined by hyphens, underscores or single spaces: "AP-310", "nt 104", "NW_2_5".
      for (const [candidate] of text.matchAll(/\b[A-Za-z]+(?:[-_ –—][A-Za-z]*\d[A-Za-z\d]*)+\b/g)) {
        const entry = find(candidate);
        if (entry) return entry;
      }
      // Or written as one word: "ap310", "Hh430".
      for (const [candidate] of text.matchAll(/\b[A-Za-z]{1,4}\d{2,5}\b/g)) {
        const entry = find(candidate);
        if (entry) return entry;
      }
      return undefined;
    },
  };
}
