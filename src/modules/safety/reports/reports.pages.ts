import { escapeHtml } from '../../../platform/http/home-page.ts';
import type { ReportAnswer } from './report-answer.ts';

export type RenderPage = (title: string, body: string) => string;

export type ReportFormState = { values: Record<string, string>; errors: Record<string, string>; signedIn: boolean; reportAddress: string };

const CHANNELS: [string, string][] = [['email', 'An email'], ['sms', 'A text message (SMS, WhatsApp…)'], ['call_transcript', 'A phone call']];

const error = (state: ReportFormState, name: string) =>
  state.errors[name] ? `<p class="error" id="${name}-error">${escapeHtml(state.errors[name] ?? '')}</p>` : '';
const described = (state: ReportFormState, name: string) => (state.errors[name] ? ` aria-invalid="true" aria-describedby="${name}-error"` : '');

/** The paste form: plain HTML, no script; the page's own Origin is what lets the post through (the server refuses foreign ones). */
export function renderReportForm(renderPage: RenderPage, state: ReportFormState): string {
  const v = (name: string) => escapeHtml(state.values[name] ?? '');
  const summary = Object.keys(state.errors).length > 0 ? '<p class="error" role="alert">Please check the fields marked below.</p>' : '';
  const channel = state.values.channel || 'email';
  const channels = CHANNELS.map(([value, label]) =>
    `<label class="choice"><input type="radio" name="channel" value="${value}"${channel === value ? ' checked' : ''}> ${escapeHtml(label)}</label>`).join('\n');
  const linked = state.signedIn ? '<p class="muted">You are signed in: the report is linked to your account, so support can see it.</p>' : '';
  return renderPage('Report a suspicious message', `<h1>Report a suspicious message</h1>
<p>Got an email, a text or a call that claims to be from us and asks you to act? Paste it here: you get an answer at once, and the security team sees it.
You can also forward a suspicious email to <a href="mailto:${escapeHtml(state.reportAddress)}">${escapeHtml(state.reportAddress)}</a>.</p>
<p class="card warning"><strong>Do not click its links or reply to it</strong> while you check.</p>${summary}${linked}
<form method="post" action="/help/report-message">
<fieldset><legend>What did you get?</legend>${channels}</fieldset>${error(state, 'channel')}
<p><label for="from">Who sent it? <span class="muted">(the sender's address, number or name, as shown)</span></label><br>
<input id="from" name="from" maxlength="320" size="50" value="${v('from')}"${described(state, 'from')}></p>${error(state, 'from')}
<p><label for="subject">Subject <span class="muted">(for an email)</span></label><br>
<input id="subject" name="subject" maxlength="500" size="50" value="${v('subject')}"${described(state, 'subject')}></p>${error(state, 'subject')}
<p><label for="body">The message <span class="muted">(paste it all, links included; for a call, what they said)</span></label></p>
<textarea id="body" name="body" rows="10" maxlength="20000" required${described(state, 'body')}>${v('body')}</textarea>${error(state, 'body')}
<label class="choice"><input type="checkbox" name="entered_details" value="yes"${state.values.entered_details ? ' checked' : ''}> I already entered my details (password, card, code) on its link or gave them on the phone</label>
<p><button type="submit">Check this message</button></p>
</form>`);
}

/** The answer to one report: the verdict, the signs with the member's own words, what to do now, the reference. */
export function renderReportAnswer(renderPage: RenderPage, answer: ReportAnswer): string {
  const tone = answer.verdict === 'legit' ? 'notice' : 'warning';
  const signs = answer.signs.length === 0 ? '' : `<h2>What we found</h2><ul class="signs">${answer.signs.map((sign) =>
    `<li><strong>${escapeHtml(sign.label)}</strong><br><q>${escapeHtml(sign.evidence)}</q></li>`).join('')}</ul>`;
  const actions = answer.actions.length === 0 ? '' : `<p>${answer.actions.map((action) =>
    `<a class="button" href="${escapeHtml(action.href)}">${escapeHtml(action.label)}</a>`).join(' ')}</p>`;
  return renderPage('Your report', `<h1>Your report</h1>
<div class="card ${tone}" role="status"><p><strong>${escapeHtml(answer.headline)}</strong></p><p>${escapeHtml(answer.explanation)}</p></div>
${signs}
<h2>What to do now</h2><ol>${answer.steps.map((step) => `<li>${escapeHtml(step)}</li>`).join('')}</ol>${actions}
<p>Your reference: <strong>${escapeHtml(answer.reference)}</strong>. Give it to support if you contact us about this message.</p>
<p><a href="/help/report-message">Report another message</a> · <a href="/help">Help Center</a></p>`);
}

export function renderRateLimited(renderPage: RenderPage, retryAfterSeconds: number): string {
  return renderPage('Too many reports', `<h1>Too many reports</h1>
<p>This address sent many reports in a short time. Please try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).</p>
<p><a href="/help">Help Center</a></p>`);
}
