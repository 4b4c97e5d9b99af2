export type HomeLink = { title: string; href: string; description: string };

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}

const operatorLinks: HomeLink[] = [
  { title: 'API documentation', href: '/docs', description: 'Every endpoint with its request and response schema (OpenAPI).' },
  { title: 'Health', href: '/healthz', description: 'Whether the server and its database answer.' },
  { title: 'Metrics', href: '/metrics', description: 'Prometheus metrics: request durations, memory, event loop.' },
];

function renderLinks(links: HomeLink[]): string {
  return links
    .map(
      (link) => `<li><a class="card" href="${escapeHtml(link.href)}"><span class="card-title">${escapeHtml(link.title)}</span>` +
        `<span class="card-text">${escapeHtml(link.description)}</span></a></li>`,
    )
    .join('\n');
}

const styles = `
:root { color-scheme: light dark; --bg: #f6f5f2; --fg: #1d1b22; --muted: #55515f; --card: #fff; --line: #d9d5de; --accent: #6a2bd9; }
@media (prefers-color-scheme: dark) { :root { --bg: #141218; --fg: #f1eef6; --muted: #b9b3c4; --card: #1f1c25; --line: #3a3542; --accent: #b99bff; } }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--fg); }
.wrap { max-width: 60rem; margin: 0 auto; padding: 2.5rem 1.25rem 3rem; }
header { border-bottom: 1px solid var(--line); padding-bottom: 1.5rem; }
h1 { font-size: clamp(2rem, 5vw, 2.75rem); margin: 0 0 .25rem; letter-spacing: -.02em; }
h2 { font-size: 1.15rem; margin: 2.25rem 0 .75rem; }
.lead { font-size: 1.15rem; color: var(--muted); margin: 0; max-width: 42rem; }
.badge { display: inline-block; margin-top: 1rem; padding: .25rem .7rem; border-radius: .5rem; border: 1px solid var(--accent); color: var(--accent); font-size: .875rem; }
ul.cards { list-style: none; margin: 0; padding: 0; display: grid; gap: .875rem; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); }
.card { display: flex; flex-direction: column; gap: .35rem; height: 100%; padding: 1rem 1.1rem; border: 1px solid var(--line); border-radius: .75rem; background: var(--card); color: inherit; text-decoration: none; }
.card:hover { border-color: var(--accent); }
.card:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.card-title { font-weight: 600; color: var(--accent); }
.card-text { color: var(--muted); font-size: .95rem; }
.empty { color: var(--muted); }
footer { margin-top: 3rem; color: var(--muted); font-size: .875rem; }
`;

export function renderHomePage(options: { links: HomeLink[]; demoMode: boolean }): string {
  const features = options.links.length > 0
    ? `<ul class="cards">${renderLinks(options.links)}</ul>`
    : '<p class="empty">No member or agent features are switched on yet.</p>';
  const demo = options.demoMode
    ? '<p class="badge">Demo mode: the fictional service Reelhouse (reelhouse.example)</p>'
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Usher: customer service for streaming</title>
<style>${styles}</style>
</head>
<body>
<div class="wrap">
<header>
<h1>Usher</h1>
<p class="lead">The customer-service system of a subscription video-streaming service: help articles, login help,
billing questions, household and device problems, scam reports, chat with an assistant and with agents.</p>
${demo}
</header>
<main>
<section aria-labelledby="features">
<h2 id="features">Features</h2>
${features}
</section>
<section aria-labelledby="operators">
<h2 id="operators">For operators</h2>
<ul class="cards">${renderLinks(operatorLinks)}</ul>
</section>
</main>
<footer>
<p>Usher ships with Reelhouse, a made-up streaming service at reelhouse.example, so every feature can be tried
without real accounts. The service name, plans and prices are configuration.</p>
</footer>
</div>
</body>
</html>
`;
}
