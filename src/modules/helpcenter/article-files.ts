import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CATEGORY_SLUGS } from './categories.ts';

/** An article as written in content/articles/<category>/<slug>.md. */
export type ArticleSource = {
  slug: string;
  category: string;
  title: string;
  summary: string;
  keywords: string[];
  related: string[];
  updated: string;
  body: string;
  /** sha256 of the file's text: a start-up skips files that did not change. */
  hash: string;
};

const list = z.union([z.array(z.string()), z.string()]).transform((value) =>
  (Array.isArray(value) ? value : value.split(',')).map((item) => item.trim()).filter((item) => item.length > 0),
);

const frontMatterSchema = z.object({
  title: z.string().min(3).max(120),
  category: z.enum(CATEGORY_SLUGS),
  summary: z.string().min(10).max(300),
  keywords: list.default([]),
  related: list.default([]),
  updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
});

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Front matter is `key: value` lines between `---` fences; a value in
 * `[a, b]` is a list (so is a comma-separated `keywords`/`related`). Enough
 * for these files; not YAML.
 */
export function parseArticleFile(text: string, slug: string): ArticleSource {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${slug}: the file must start with front matter between --- lines`);
  const fields: Record<string, string | string[]> = {};
  for (const line of match[1].split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const pair = /^([a-z_]+):\s*(.*)$/.exec(line);
    if (!pair) throw new Error(`${slug}: front matter line "${line}" is not "key: value"`);
    const raw = pair[2].trim();
    const value = raw.startsWith('[') && raw.endsWith(']') ? raw.slice(1, -1).split(',').map((item) => item.trim().replace(/^["']|["']$/g, '')) : raw.replace(/^["'](.*)["']$/, '$1');
    fields[pair[1]] = value;
  }
  const parsed = frontMatterSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${slug}: front matter "${String(issue?.path[0] ?? '?')}" ${issue?.message ?? 'is invalid'}`);
  }
  if (!SLUG.test(slug)) throw new Error(`${slug}: a file name must be lower-case words joined by hyphens`);
  return { slug, ...parsed.data, body: match[2].trim(), hash: createHash('sha256').update(text).digest('hex') };
}

/** Every article under `directory` (one folder per category); a file in the wrong folder is an error. */
export function readArticleFiles(directory: string): ArticleSource[] {
  const articles: ArticleSource[] = [];
  for (const folder of fs.readdirSync(directory, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const file of fs.readdirSync(path.join(directory, folder.name)).sort()) {
      if (!file.endsWith('.md')) continue;
      const slug = file.slice(0, -3);
      const article = parseArticleFile(fs.readFileSync(path.join(directory, folder.name, file), 'utf8'), slug);
      if (article.category !== folder.name) throw new Error(`${slug}: category "${article.category}" but the file is in ${folder.name}/`);
      articles.push(article);
    }
  }
  const seen = new Set<string>();
  for (const article of articles) {
    if (seen.has(article.slug)) throw new Error(`${article.slug}: two articles have this slug`);
    seen.add(article.slug);
  }
  return articles.sort((a, b) => a.slug.localeCompare(b.slug));
}
