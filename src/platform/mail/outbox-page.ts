import { escapeHtml } from '../http/home-page.ts';
import type { OutboxRecord } from './outbox.repository.ts';

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

export function linksIn(body: string): string[] {
  return [...body.matchAll(URL_PATTERN)].map((match) => match[0]);
}

/** A link to this server becomes relative, so it opens on whatever host shows the outbox. */
function hrefFor(url: string, publicUrl: string | undefined): string {
  if (publicUrl === undefined) return url;
  const base = publicUrl.replace(/\/+$/, '');
  return url.startsWith(`${base}/`) ? url.slice(base.length) : url;
}

function renderBody(body: string, publicUrl: string | undefined): string {
  let html = '';
  let last = 0;
  for (const match of body.matchAll(URL_PATTERN)) {
    const index = match.index ?? 0;
    html += escapeHtml(body.slice(last, index));
    html += `<a href="${escapeHtml(hrefFor(match[0], publicUrl))}">${escapeHtml(match[0])}</a>`;
    last = index + match[0].length;
  }
  return html + escapeHtml(body.slice(last));
}

const styles = `
:root { color-scheme: light dark; --bg: #f6f5f2; --fg: #1d1b22; --muted: #55515f; --card: #fff; --line: #d9d5de; --accent: #6a2bd9; }
@media (prefers-color-scheme: dark) { :root { --bg: #141218; --fg: #f1eef6; --muted: #b9b3c4; --card: #1f1c25; --line: #3a3542; --accent: #b99bff; } }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--fg); }
.wrap { max-width: 48rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
.lead { color: var(--muted); margin: 0 0 1.25rem; }
ol { list-style: none; margin: 0; padding: 0; display: grid; gap: .875rem; }
li { border: 1px solid var(--line); border-radius: .75rem; background: var(--card); padding: .9rem 1rem; }
.meta { display: flex; flex-wrap: wrap; gap: .25rem .75rem; color: var(--muted); font-size: .9rem; }
.channel { font-weight: 600; color: var(--accent); text-transform: uppercase; font-size: .8rem; letter-spacing: .05em; }
.to { overflow-wrap: anywhere; }
h2 { font-size: 1.05rem; margin: .35rem 0; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; margin: .25rem 0 0; }
a { color: var(--accent); overflow-wrap: anywhere; }
`;

export function renderOutboxPage(rows: readonly OutboxRecord[], publicUrl?: string): string {
  const items = rows.map((row) => `<li>
  <div class="meta"><span class="channel">${row.channel === 'sms' ? 'SMS' : 'Email'}</span><span class="to">to ${escapeHtml(row.recipient)}</span>
  <time datetime="${new Date(row.created_at).toISOString()}">${escapeHtml(new Date(row.created_at).toISOString().replace('T', ' ').slice(0, 19))} UTC</time></div>
  ${row.subject ? `<h2>${escapeHtml(row.subject)}</h2>` : ''}
  <pre>${renderBody(row.body, publicUrl)}</pre>
</li>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Outbox · Usher demo</title><style>${styles}</style></head>
<body><main class="wrap">
<h1>Outbox</h1>
<p class="lead">Every email and SMS the demo sent, newest first. Nothing here left the server.</p>
${rows.length === 0 ? '<p>No messages yet.</p>' : `<ol>${items.join('\n')}</ol>`}
</main></body></html>`;
}
