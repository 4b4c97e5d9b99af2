import { escape, type RenderHelpPage } from '../../helpcenter/flows/index.ts';
import { describeHours, formatLocal, type ContactAvailability } from './availability.rules.ts';
import type { ContactAdvice, ContactMember, ContactRefusal, Where } from './contact.service.ts';
import type { CallbackRequest } from './contact.repository.ts';
import { utcClock } from '../desk/service-code-request.rules.ts';
import type { SupportHours } from './support-hours.ts';

/**
 * The contact pages. None of them ever prints a phone number: calls are
 * requests with a service code (PRODUCT.md §5), which protects members from
 * fake support numbers.
 */

const ENTITY_WORDS: Record<string, string> = {
  error_code: 'Error code', amount: 'Amount', date: 'Date', card_last4: 'Card ending', device: 'Device', billing_partner: 'Billed by',
};

function selects(hours: SupportHours, where: Where): string {
  const option = (value: string, label: string, selected: string) => `<option value="${escape(value)}"${value === selected ? ' selected' : ''}>${escape(label)}</option>`;
  return `<label for="country">Country</label><select id="country" name="country">${Object.entries(hours.countries).map(([code, name]) => option(code, name, where.country)).join('')}</select>
<label for="language">Language</label><select id="language" name="language">${Object.entries(hours.languages).map(([code, name]) => option(code, name, where.language)).join('')}</select>`;
}

export function renderContactForm(renderPage: RenderHelpPage, hours: SupportHours, state: { where: Where; text?: string; error?: string }): string {
  const error = state.error ? `<p class="error" role="alert">${escape(state.error)}</p>` : '';
  return renderPage('Contact us', `<h1>Contact us</h1>
<p>Tell us what's wrong in your own words. We'll show what usually solves it, what to have ready, and then the ways to reach a person right now.</p>
<form method="post" action="/help/contact">
<label for="text">What's the problem?</label><textarea id="text" name="text" rows="5" maxlength="5000" required placeholder="For example: my TV says it isn't part of my household">${escape(state.text ?? '')}</textarea>${error}
${selects(hours, state.where)}
<p><button type="submit">Continue</button></p></form>
<p class="escalation-link">An answer from us did not settle it? <a href="/help/contact/complaint">Make a formal complaint or ask for a specialist</a>: you get a reference and the date we answer by.</p>
<p class="muted">We will never ask for your password, a one-time code or your full card number.</p>`);
}

const hidden = (fields: Record<string, string>) =>
  Object.entries(fields).map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join('');

function channelTitle(channel: 'chat' | 'call'): string {
  return channel === 'chat' ? 'Chat' : 'Request a call';
}

/** The ways to reach a person, open or not, for the member's country and language. */
export function renderContactOptions(availability: ContactAvailability, hours: SupportHours, form: { text: string; intent: string; where: Where; member: ContactMember | null; codeError?: string }): string {
  const desk = availability.desk;
  if (!desk) return '<p>Support by chat or phone isn\'t offered in your country yet. The guides and articles above cover most problems.</p>';
  const languageNote = availability.exactLanguage ? '' : `<p class="muted">Support isn't available in ${escape(hours.languages[form.where.language] ?? form.where.language)} in your country; this team answers in ${escape(hours.languages[desk.language] ?? desk.language)}.</p>`;
  const carried = hidden({ text: form.text, intent: form.intent, country: form.where.country, language: form.where.language });
  const cards = availability.channels.filter((state) => state.offered).map((state) => {
    const hoursText = `${describeHours(desk[state.channel])} (${escape(desk.place)} time)`;
    if (!state.openNow) {
      const opens = state.opensAt ? `Opens ${escape(formatLocal(state.opensAt, desk.timeZone))} (${escape(desk.place)} time).` : 'Not open in the coming week.';
      return `<section class="card"><h3>${channelTitle(state.channel)}: closed now</h3><p>${opens}</p><p class="muted">${escape(hoursText)}</p></section>`;
    }
    if (state.channel === 'chat') {
      return `<section class="card"><h3>Chat: open now</h3><p>An agent reads what you wrote above before joining.</p>
<form method="post" action="/help/contact/chat">${carried}<button type="submit">Start a chat</button></form><p class="muted">${escape(hoursText)}</p></section>`;
    }
    const code = form.member
      ? '<p>You are signed in, so we already know it is you: no code needed.</p>'
      : `<p>To call you back we need the <strong>service code</strong> shown in the Reelhouse app under Help (6 digits, valid a few minutes), or <a href="/sign-in">sign in</a> and we attach it for you.</p>
<label for="service_code">Service code</label><input id="service_code" name="service_code" inputmode="numeric" autocomplete="one-time-code" maxlength="9" required${form.codeError ? ' aria-invalid="true"' : ''}>
${form.codeError ? `<p class="error" role="alert">${escape(form.codeError)}</p>` : ''}`;
    return `<section class="card"><h3>Request a call: open now</h3><p>We call you on the phone number on your account. There is no number to dial: anyone who gives you one is not us.</p>
<form method="post" action="/help/contact/call">${carried}${code}<button type="submit">Request a call</button></form><p class="muted">${escape(hoursText)}</p></section>`;
  });
  if (cards.length === 0) return '<p>Only the Help Center is available for your country and language.</p>';
  return languageNote + cards.join('');
}

export function renderAdvice(renderPage: RenderHelpPage, hours: SupportHours, advice: ContactAdvice, member: ContactMember | null, codeError?: string): string {
  const entities = Object.entries(advice.triage.entities).filter(([, value]) => value !== undefined && value !== '');
  const noted = entities.length === 0 ? '' : `<p class="muted">We noted: ${entities.map(([key, value]) => `${escape(ENTITY_WORDS[key] ?? key)} ${escape(value)}`).join(' · ')}</p>`;
  const alternatives = advice.alternatives.length === 0 ? '' : `<form method="post" action="/help/contact">${hidden({ text: advice.text, country: advice.where.country, language: advice.where.language })}
<p>Not quite? It could also be: ${advice.alternatives.map((alt) => `<button type="submit" class="secondary" name="intent" value="${escape(alt.intent)}">${escape(alt.plain)}</button>`).join('')}</p></form>`;
  const flows = advice.flows.map((flow) => `<li><a href="/help/flows/${escape(flow.id)}">${escape(flow.title)}</a> <span class="muted">(step by step)</span></li>`);
  const articles = advice.articles.map((article) => `<li><a href="${escape(article.url ?? `/help/articles/${article.slug}`)}">${escape(article.title)}</a></li>`);
  const selfHelp = flows.length + articles.length === 0 ? '' : `<h2>Try this first</h2><ul>${[...flows, ...articles].join('')}</ul>`;
  const checklist = `<h2>Have this ready</h2><ul>${advice.help.checklist.map((item) => `<li>${escape(item.text)}</li>`).join('')}</ul>`;
  return renderPage('Contact us', `<h1>Contact us</h1>
<section class="card"><p class="muted" style="margin:0">You wrote</p><blockquote>${escape(advice.text)}</blockquote>
<h2 style="margin-top:.5rem">It sounds like: ${escape(advice.help.plain)}</h2>${noted}${alternatives}</section>
${selfHelp}${checklist}
<h2>Talk to us</h2>${renderContactOptions(advice.availability, hours, { text: advice.text, intent: advice.help.intent, where: advice.where, member, ...(codeError ? { codeError } : {}) })}
<p class="escalation-link">An answer from us did not settle it? <a href="/help/contact/complaint">Make a formal complaint or ask for a specialist</a>: you get a reference and the date we answer by.</p>
<p class="muted">We will never ask for your password, a one-time code or your full card number.</p>`);
}

export function renderRefusal(renderPage: RenderHelpPage, refusal: Exclude<ContactRefusal, 'code_needed' | 'code_invalid'>, channel: 'chat' | 'call', availability: ContactAvailability): string {
  const state = availability.channels.find((candidate) => candidate.channel === channel);
  const desk = availability.desk;
  const when = refusal === 'closed' && state?.opensAt && desk ? ` It opens ${escape(formatLocal(state.opensAt, desk.timeZone))} (${escape(desk.place)} time).` : '';
  const what = channel === 'chat' ? 'Chat' : 'Call-backs';
  const message = refusal === 'closed' ? `${what} closed a moment ago.${when}` : `${what} aren't offered for your country and language.`;
  return renderPage('Contact us', `<h1>${escape(what)} not available</h1><p>${message}</p><p><a href="/help/contact">Back to Contact us</a></p>`);
}

export function renderCallRequested(renderPage: RenderHelpPage, request: CallbackRequest, member: ContactMember | null): string {
  return renderPage('Call requested', `<h1>We'll call you back</h1>
<section class="card notice" role="status"><p><strong>Your call request is in.</strong> Reference: ${escape(request.id)}.</p>
<p>An agent will call the phone number on ${member ? 'your' : 'the'} account${member ? '' : ' that the service code belongs to'}. Keep your phone nearby.</p></section>
<p>${request.verifiedAt ? `Identity verified ${request.verifiedWith === 'session' ? 'by your sign-in' : 'with the service code'} at ${escape(utcClock(request.verifiedAt))}: the agent does not need the code again.` : 'When the agent calls, they will ask for the service code shown in the app under Help.'}</p>
<p>Our agents never ask for your password, a one-time code or your full card number, and never give you a number to call back.</p>
<p><a href="/help">Back to the Help Center</a></p>`);
}
