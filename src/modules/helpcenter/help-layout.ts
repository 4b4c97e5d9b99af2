import { escapeHtml } from '../../platform/http/home-page.ts';

export type HelpPageOptions = {
  /** `<meta name="description">`. */
  description?: string;
  /** Pre-fills the header's search box. */
  query?: string;
  /** Breadcrumb trail above the content: `[label, href]`, the last one the current page (no link). */
  breadcrumbs?: [string, string?][];
};

const styles = `
:root{color-scheme:light dark;--bg:#f7f6f3;--fg:#1d1b22;--muted:#57525f;--card:#fff;--line:#dcd8e0;--accent:#5b2bc9;--accent-fg:#fff;--note:#fff6dc;--note-line:#e6c766}
@media (prefers-color-scheme:dark){:root{--bg:#141218;--fg:#f1eef6;--muted:#bdb6c8;--card:#1f1c25;--line:#3b3644;--accent:#bca2ff;--accent-fg:#141218;--note:#2d2612;--note-line:#7a6423}}
*{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
a{color:var(--accent)}a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--card);padding:.5rem 1rem;z-index:1}
.top{background:var(--card);border-bottom:1px solid var(--line)}
.top-inner{max-width:60rem;margin:0 auto;padding:.75rem 1.25rem;display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;align-items:center}
.brand{font-weight:700;text-decoration:none;color:var(--fg);font-size:1.1rem}.brand span{color:var(--accent)}
.top nav{display:flex;gap:1rem;flex-wrap:wrap;font-size:.95rem}
form.search{display:flex;gap:.5rem;flex:1 1 16rem;max-width:28rem;margin-left:auto}
form.search input{flex:1;min-width:0;font:inherit;padding:.45rem .7rem;border:1px solid var(--line);border-radius:.5rem;background:var(--bg);color:var(--fg)}
button,.button{font:inherit;padding:.45rem .9rem;border-radius:.5rem;border:1px solid var(--accent);background:var(--accent);color:var(--accent-fg);cursor:pointer;text-decoration:none;display:inline-block}
button.secondary{background:transparent;color:var(--accent)}
p>button{margin:0 .5rem .4rem 0}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
h1{font-size:clamp(1.6rem,4vw,2.2rem);line-height:1.2;margin:.5rem 0 .75rem;letter-spacing:-.01em}
h2{font-size:1.25rem;margin:2rem 0 .6rem}h3{font-size:1.08rem;margin:1.5rem 0 .4rem}
.lead{color:var(--muted);font-size:1.1rem;margin-top:0}.muted{color:var(--muted)}
.crumbs{font-size:.9rem;color:var(--muted)}.crumbs ol{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.35rem}
.crumbs li+li::before{content:"›";margin-right:.35rem}
ul.cards{list-style:none;margin:0;padding:0;display:grid;gap:.8rem;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr))}
.card{display:block;height:100%;padding:.9rem 1rem;border:1px solid var(--line);border-radius:.75rem;background:var(--card);color:inherit;text-decoration:none}
a.card:hover{border-color:var(--accent)}a.card strong{color:var(--accent);display:block}a.card span{color:var(--muted);font-size:.95rem}
ul.list{padding-left:1.2rem}ul.list li{margin:.5rem 0}
article.body{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:.5rem 1.25rem 1rem;overflow-wrap:anywhere}
article.body li{margin:.3rem 0}
.note{background:var(--note);border-left:4px solid var(--note-line);padding:.1rem 1rem;border-radius:.4rem;margin:1rem 0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.92em;background:var(--bg);padding:.05rem .3rem;border-radius:.25rem}
pre{overflow-x:auto;background:var(--bg);padding:.75rem;border-radius:.5rem}
fieldset{border:1px solid var(--line);border-radius:.75rem;padding:1rem;background:var(--card)}
legend{font-weight:600;padding:0 .3rem}
.choices{display:flex;gap:.75rem;flex-wrap:wrap;margin:.5rem 0}
label.choice{display:flex;gap:.35rem;align-items:center;border:1px solid var(--line);border-radius:.5rem;padding:.35rem .8rem}
textarea{width:100%;font:inherit;padding:.5rem;border:1px solid var(--line);border-radius:.5rem;background:var(--bg);color:var(--fg)}
.thanks{border:1px solid var(--accent);border-radius:.75rem;padding:.75rem 1rem;background:var(--card)}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.5rem;border-bottom:1px solid var(--line);vertical-align:top}
.code{font-family:ui-monospace,Menlo,monospace;font-weight:600;white-space:nowrap}
div.card,section.card,form.card{margin:0 0 1rem}.warning{border-color:#b3261e}.notice{border-color:#137a4b}.error{color:#d0342c}
form label{font-weight:600}select,input[type=text],input[type=email],input[type=number],input:not([type]){font:inherit;padding:.45rem .6rem;border:1px solid var(--line);border-radius:.5rem;background:var(--bg);color:var(--fg);max-width:100%}
footer{max-width:60rem;margin:0 auto;padding:0 1.25rem 2rem;color:var(--muted);font-size:.9rem}
@media (max-width:36rem){body{font-size:1rem}.top nav{order:3;width:100%}form.search{max-width:none}}
`;

function renderCrumbs(crumbs: [string, string?][]): string {
  const items = crumbs.map(([label, href], position) =>
    href && position < crumbs.length - 1 ? `<li><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></li>` : `<li aria-current="page">${escapeHtml(label)}</li>`,
  );
  return `<nav class="crumbs" aria-label="Breadcrumb"><ol>${items.join('')}</ol></nav>`;
}

/**
 * The Help Center's page: header with search, breadcrumbs, content, footer.
 * `body` is HTML the caller has escaped. No script: every page reads and
 * works without JavaScript. Shared with the guided flows and title reports.
 */
export function renderHelpPage(title: string, body: string, options: HelpPageOptions = {}): string {
  const description = options.description ? `<meta name="description" content="${escapeHtml(options.description)}">` : '';
  const crumbs = options.breadcrumbs && options.breadcrumbs.length > 0 ? renderCrumbs(options.breadcrumbs) : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Reelhouse Help Center</title>
${description}
<style>${styles}</style>
</head>
<body>
<a class="skip" href="#content">Skip to content</a>
<header class="top"><div class="top-inner">
<a class="brand" href="/help">Reelhouse <span>Help Center</span></a>
<nav aria-label="Help Center"><a href="/help#categories">Topics</a><a href="/help/flows">Guides</a><a href="/help/errors">Error codes</a><a href="/help/contact">Contact us</a><a href="/help/report-message">Report a scam</a></nav>
<form class="search" action="/help/search" method="get" role="search">
<label for="help-q" class="skip">Search help articles</label>
<input id="help-q" type="search" name="q" value="${escapeHtml(options.query ?? '')}" placeholder="Search help, e.g. why was I charged" autocomplete="off" maxlength="200">
<button type="submit">Search</button>
</form>
</div></header>
<main id="content">
${crumbs}
${body}
</main>
<footer><p>Reelhouse is a made-up streaming service at reelhouse.example. We never ask for your password or a one-time code, and we never give out a phone number to call: calls start from the app or this Help Center.</p></footer>
</body>
</html>
`;
}
