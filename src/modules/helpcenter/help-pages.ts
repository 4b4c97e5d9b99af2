import { escapeHtml } from '../../platform/http/home-page.ts';
import { findCategory, type Category } from './categories.ts';
import { GENERAL_FLOW_URL, type ErrorCode } from './error-codes.ts';
import type { Article, FeedbackTotals } from './helpcenter.repository.ts';
import type { ArticleHit } from './helpcenter.service.ts';
import { renderHelpPage } from './help-layout.ts';
import { renderMarkdown } from './markdown.ts';

const e = (text: unknown): string => escapeHtml(String(text ?? ''));

const articleCard = (article: Pick<Article, 'slug' | 'title' | 'summary'>): string =>
  `<li><a class="card" href="/help/articles/${e(article.slug)}"><strong>${e(article.title)}</strong><span>${e(article.summary)}</span></a></li>`;

export function renderHelpHome(options: { categories: (Category & { count: number })[]; popular: Article[] }): string {
  const categories = options.categories
    .map((category) => `<li><a class="card" href="/help/categories/${e(category.slug)}"><strong>${e(category.title)}</strong><span>${e(category.description)} (${category.count} articles)</span></a></li>`)
    .join('');
  return renderHelpPage('Help Center', `<h1>How can we help?</h1>
<p class="lead">Answers about your Reelhouse membership, payments, signing in, your household, devices and shows. Type your question in the box above, in your own words.</p>
<section aria-labelledby="popular"><h2 id="popular">Popular answers</h2><ul class="cards">${options.popular.map(articleCard).join('')}</ul></section>
<section aria-labelledby="categories"><h2 id="categories">Browse by topic</h2><ul class="cards">${categories}</ul></section>
<section aria-labelledby="codes"><h2 id="codes">Seeing an error code?</h2>
<form action="/help/errors" method="get"><label for="code">Type the code shown on screen</label>
<div class="choices"><input id="code" name="code" placeholder="e.g. NT-104" maxlength="40" style="font:inherit;padding:.45rem .7rem;border:1px solid var(--line);border-radius:.5rem"><button type="submit">Look it up</button></div></form>
<p><a href="/help/errors">All error codes</a></p></section>`, { description: 'Reelhouse Help Center: answers about membership, billing, sign-in, household, devices and shows.' });
}

export function renderCategoryPage(category: Category, articles: Article[]): string {
  const list = articles.length > 0 ? `<ul class="cards">${articles.map(articleCard).join('')}</ul>` : '<p class="muted">No articles in this topic yet.</p>';
  return renderHelpPage(category.title, `<h1>${e(category.title)}</h1><p class="lead">${e(category.description)}</p>${list}`, {
    description: category.description,
    breadcrumbs: [['Help Center', '/help'], [category.title]],
  });
}

function renderFeedback(slug: string, state: string | undefined, totals: FeedbackTotals): string {
  if (state === 'thanks' || state === 'already') {
    const message = state === 'thanks' ? 'Thank you: your answer helps us improve this article.' : 'Thank you: we already have your answer for this article.';
    return `<section id="feedback" aria-live="polite" class="thanks"><p><strong>${message}</strong></p>
<p>Still stuck? <a href="/help/contact">Contact us</a>.</p></section>`;
  }
  const count = totals.helpful + totals.notHelpful;
  const shown = count > 0 ? `<p class="muted">${totals.helpful} of ${count} members found this helpful.</p>` : '';
  return `<section id="feedback"><form method="post" action="/help/articles/${e(slug)}/feedback">
<fieldset><legend>Was this helpful?</legend>
<div class="choices"><label class="choice"><input type="radio" name="helpful" value="yes" required> Yes</label>
<label class="choice"><input type="radio" name="helpful" value="no"> No</label></div>
<label for="comment">What was missing? (optional; please leave out card numbers and passwords)</label>
<textarea id="comment" name="comment" rows="3" maxlength="1000"></textarea>
<p><button type="submit">Send</button></p></fieldset></form>${shown}</section>`;
}

export function renderArticlePage(options: { article: Article; related: Article[]; feedback?: string; totals: FeedbackTotals }): string {
  const { article } = options;
  const category = findCategory(article.category);
  const related = options.related.length > 0
    ? `<section aria-labelledby="related"><h2 id="related">Related articles</h2><ul class="list">${options.related.map((item) => `<li><a href="/help/articles/${e(item.slug)}">${e(item.title)}</a></li>`).join('')}</ul></section>`
    : '';
  return renderHelpPage(article.title, `<article class="body" aria-labelledby="article-title">
<h1 id="article-title">${e(article.title)}</h1>
<p class="lead">${e(article.summary)}</p>
${renderMarkdown(article.body)}
<p class="muted"><small>Updated <time datetime="${e(article.updated)}">${e(article.updated)}</time></small></p>
</article>
${renderFeedback(article.slug, options.feedback, options.totals)}
${related}`, {
    description: article.summary,
    breadcrumbs: [['Help Center', '/help'], [category?.title ?? article.category, `/help/categories/${article.category}`], [article.title]],
  });
}

/** Said above the results of a query in another language: the articles are in English. */
const ENGLISH_ONLY_NOTE: Readonly<Record<string, { lang: string; text: string }>> = {
  de: { lang: 'de', text: 'Unsere Hilfeartikel gibt es nur auf Englisch. Diese passen zu Ihrer Frage.' },
  es: { lang: 'es', text: 'Nuestros artículos de ayuda solo están en inglés. Estos responden a su pregunta.' },
  pt: { lang: 'pt', text: 'Nossos artigos de ajuda estão apenas em inglês. Estes respondem à sua pergunta.' },
};

export function renderSearchPage(options: { query: string; hits: ArticleHit[]; errorCode?: ErrorCode; language?: string | null }): string {
  const { query } = options;
  const note = options.language && options.hits.length > 0 ? ENGLISH_ONLY_NOTE[options.language] : undefined;
  const languageNote = note ? `<p class="muted" lang="${note.lang}">${e(note.text)}</p><p class="muted">Our help articles are in English.</p>` : '';
  const code = options.errorCode
    ? `<p class="thanks">Error code <a class="code" href="/help/errors/${e(options.errorCode.code)}">${e(options.errorCode.code)}</a>: ${e(options.errorCode.title)}</p>`
    : '';
  let results: string;
  if (query.trim() === '') results = '<p>Type a few words about your problem, for example <em>charged twice</em> or <em>TV says not part of household</em>.</p>';
  else if (options.hits.length === 0) {
    // No good answer: say so and offer a person, rather than articles that only share a word with the question.
    results = `<section class="no-answer" aria-live="polite"><p><strong>We don't have a good answer for “${e(query)}”.</strong></p>
<p><a class="button" href="/help/contact">Contact us</a> and describe it in your own words: we show what helps, then the ways to reach a person that are open now.</p>
<p class="muted">Or try other words, or <a href="/help#categories">browse the topics</a>.</p></section>`;
  } else {
    results = `<p class="muted" aria-live="polite">${options.hits.length} ${options.hits.length === 1 ? 'article' : 'articles'} for “${e(query)}”</p>
<ol class="list">${options.hits.map((hit) => `<li><a href="/help/articles/${e(hit.slug)}"><strong>${e(hit.title)}</strong></a><br><span class="muted">${e(hit.summary)}</span></li>`).join('')}</ol>`;
  }
  return renderHelpPage(query ? `Search: ${query}` : 'Search', `<h1>Search results</h1>${code}${languageNote}${results}`, {
    query,
    breadcrumbs: [['Help Center', '/help'], ['Search']],
  });
}

export function renderErrorList(codes: readonly ErrorCode[], notFound?: string): string {
  const rows = codes.map((code) => `<tr><td><a class="code" href="/help/errors/${e(code.code)}">${e(code.code)}</a></td><td>${e(code.title)}</td><td>${e(code.devices.join(', '))}</td></tr>`).join('');
  return renderHelpPage('Error codes', `<h1>Error codes</h1>
<p class="lead">The code is shown on screen with the message, often in a corner or under “More details”. Type it exactly or pick it from the list.</p>
<form action="/help/errors" method="get"><label for="code">Error code</label>
<div class="choices"><input id="code" name="code" value="${e(notFound ?? '')}" maxlength="40" style="font:inherit;padding:.45rem .7rem;border:1px solid var(--line);border-radius:.5rem"><button type="submit">Look it up</button></div></form>
<div style="overflow-x:auto"><table><caption class="skip">Known error codes</caption><thead><tr><th scope="col">Code</th><th scope="col">What it means</th><th scope="col">Seen on</th></tr></thead><tbody>${rows}</tbody></table></div>`, {
    breadcrumbs: [['Help Center', '/help'], ['Error codes']],
  });
}

export function renderErrorPage(code: ErrorCode, related: Article[]): string {
  const flow = code.flow ? `<p>Still not working? <a class="button" href="/help/flows/${e(code.flow)}">Go through the guided steps</a></p>` : '';
  const more = related.length > 0 ? `<h2>Read more</h2><ul class="list">${related.map((item) => `<li><a href="/help/articles/${e(item.slug)}">${e(item.title)}</a></li>`).join('')}</ul>` : '';
  return renderHelpPage(`Error ${code.code}`, `<article class="body"><h1><span class="code">${e(code.code)}</span>: ${e(code.title)}</h1>
<h2>What it means</h2><p>${e(code.meaning)}</p>
<h2>Where you may see it</h2><p>${e(code.devices.join(', '))}</p>
<h2>What to do</h2><ol>${code.steps.map((step) => `<li>${e(step)}</li>`).join('')}</ol>
${flow}${more}
<p class="muted">Still seeing <span class="code">${e(code.code)}</span> after these steps? <a href="/help/contact">Contact us</a> and give the code, the device and when it started.</p></article>`, {
    description: `${code.code}: ${code.title}`,
    breadcrumbs: [['Help Center', '/help'], ['Error codes', '/help/errors'], [code.code]],
  });
}

export function renderUnknownErrorPage(code: string): string {
  return renderHelpPage('Unknown error code', `<h1>We don't know the code “${e(code)}”</h1>
<p class="lead">It may be mistyped, or come from your device or another app rather than Reelhouse.</p>
<ul class="list"><li>Check the code on screen letter by letter (O and 0, I and 1 look alike) and <a href="/help/errors">look it up again</a>.</li>
<li>Whatever the code, the general steps fix most streaming problems: <a class="button" href="${GENERAL_FLOW_URL}">Start the general streaming steps</a></li>
<li>Still stuck? <a href="/help/contact">Contact us</a> and tell us the exact code and the device.</li></ul>`, {
    breadcrumbs: [['Help Center', '/help'], ['Error codes', '/help/errors'], [code]],
  });
}

export function renderArticleNotFound(slug: string): string {
  return renderHelpPage('Article not found', `<h1>This article does not exist</h1><p>Nothing is published at “${e(slug)}”. <a href="/help/search?q=${encodeURIComponent(slug.replace(/-/g, ' '))}">Search for it</a> or <a href="/help">go to the Help Center</a>.</p>`);
}
