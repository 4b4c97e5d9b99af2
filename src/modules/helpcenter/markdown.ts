import { escapeHtml } from '../../platform/http/home-page.ts';

/**
 * The Markdown the articles use, and nothing more: headings (##, ###),
 * paragraphs, bullet and numbered lists, block quotes (shown as notes),
 * fenced code, and inline links, **bold**, *italic* and `code`. Everything is
 * escaped first, so an admin's edit cannot inject HTML.
 */

/** Links may go to pages of this site, to https pages and to mail addresses; nothing else (no javascript:). */
function safeHref(url: string): string | undefined {
  const trimmed = url.trim();
  if (/^(\/(?!\/)|#|https:\/\/|mailto:)/i.test(trimmed)) return trimmed;
  return undefined;
}

function renderInline(text: string): string {
  const codeSpans: string[] = [];
  // Code spans first: nothing inside them is formatting.
  let out = text.replace(/`([^`]+)`/g, (_match, code: string) => {
    codeSpans.push(`<code>${escapeHtml(code)}</code>`);
    return `\u0000${codeSpans.length - 1}\u0000`;
  });
  const links: string[] = [];
  out = out.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_match, label: string, url: string) => {
    const href = safeHref(url);
    const inner = formatEmphasis(escapeHtml(label));
    links.push(href === undefined ? inner : `<a href="${escapeHtml(href)}">${inner}</a>`);
    return `\u0001${links.length - 1}\u0001`;
  });
  out = formatEmphasis(escapeHtml(out));
  return out
    .replace(/\u0001(\d+)\u0001/g, (_match, index: string) => links[Number(index)])
    .replace(/\u0000(\d+)\u0000/g, (_match, index: string) => codeSpans[Number(index)]);
}

function formatEmphasis(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)([^*]+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*(?=\S)([^*]+?)\*(?!\w)/g, '$1<em>$2</em>')
    .replace(/(^|[^\w])_(?=\S)([^_]+?)_(?!\w)/g, '$1<em>$2</em>');
}

type ListKind = 'ul' | 'ol';

/** Markdown to HTML. Headings are shifted down one level: the page's own `<h1>` is the article title. */
export function renderMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const html: string[] = [];
  let paragraph: string[] = [];
  let list: { kind: ListKind; items: string[] } | undefined;
  let quote: string[] = [];

  const flushParagraph = () => {
    if (paragraph.length > 0) html.push(`<p>${renderInline(paragraph.join(' '))}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) html.push(`<${list.kind}>${list.items.map((item) => `<li>${renderInline(item)}</li>`).join('')}</${list.kind}>`);
    list = undefined;
  };
  const flushQuote = () => {
    if (quote.length > 0) html.push(`<aside class="note"><p>${renderInline(quote.join(' '))}</p></aside>`);
    quote = [];
  };
  const flushAll = () => {
    flushParagraph();
    flushList();
    flushQuote();
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line.startsWith('```')) {
      flushAll();
      const code: string[] = [];
      for (index++; index < lines.length && !lines[index].startsWith('```'); index++) code.push(lines[index]);
      html.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const quoted = /^>\s?(.*)$/.exec(line);
    if (line.trim() === '') {
      flushAll();
    } else if (heading) {
      flushAll();
      const level = Math.min(6, heading[1].length + 1);
      html.push(`<h${level}>${renderInline(heading[2].trim())}</h${level}>`);
    } else if (bullet || numbered) {
      flushParagraph();
      flushQuote();
      const kind: ListKind = bullet ? 'ul' : 'ol';
      if (list && list.kind !== kind) flushList();
      list ??= { kind, items: [] };
      list.items.push((bullet ?? numbered)![1]);
    } else if (quoted) {
      flushParagraph();
      flushList();
      quote.push(quoted[1]);
    } else if (list && /^\s{2,}\S/.test(line)) {
      // A continuation line of the last list item.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      flushQuote();
      paragraph.push(line.trim());
    }
  }
  flushAll();
  return html.join('\n');
}

/** The words of a Markdown text without its syntax: for search and snippets. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*(?:[-*]|\d+[.)])\s+/gm, '')
    .replace(/^>\s?/gm, '')
    .replace(/[*_`]/g, '');
}
