import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import { INTENTS, type Intent } from '../../triage/index.ts';

/** content/contact/checklists.json: for each intent, plain words, a Help Center search, and what to have ready (PRODUCT.md §5). */
export const CHECKLISTS_FILE = fileURLToPath(new URL('../../../../content/contact/checklists.json', import.meta.url));

const intentEntry = z.object({
  plain: z.string().min(1).max(300),
  search: z.string().max(100),
  checklist: z.array(z.string()).min(1),
}).strict();

const schema = z.object({
  items: z.record(z.string().regex(/^[a-z0-9_]+$/), z.string().min(1)),
  intents: z.record(z.string(), intentEntry),
}).strict().superRefine((content, ctx) => {
  for (const intent of INTENTS) if (!(intent in content.intents)) ctx.addIssue({ code: 'custom', path: ['intents'], message: `${intent} is missing` });
  for (const [intent, entry] of Object.entries(content.intents)) {
    if (!(INTENTS as readonly string[]).includes(intent)) ctx.addIssue({ code: 'custom', path: ['intents', intent], message: 'is not an intent of contracts/intents.md' });
    for (const item of entry.checklist) if (!(item in content.items)) ctx.addIssue({ code: 'custom', path: ['intents', intent, 'checklist'], message: `item ${item} is not in "items"` });
  }
});

export type IntentHelp = { intent: Intent; plain: string; search: string; checklist: { id: string; text: string }[] };
export type ContactContent = { forIntent(intent: Intent): IntentHelp };

export function parseContactContent(json: unknown): ContactContent {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'file'} ${issue.message}`);
    throw new AppError({ code: 'CONTENT_INVALID', status: 500, message: `content/contact/checklists.json is invalid: ${problems.join('; ')}.` });
  }
  const content = parsed.data;
  return {
    forIntent(intent) {
      const entry = content.intents[intent];
      return { intent, plain: entry.plain, search: entry.search, checklist: entry.checklist.map((id) => ({ id, text: content.items[id] })) };
    },
  };
}

export function loadContactContent(file: string = CHECKLISTS_FILE): ContactContent {
  return parseContactContent(JSON.parse(fs.readFileSync(file, 'utf8')));
}
