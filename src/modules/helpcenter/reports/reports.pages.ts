import { deviceSelect, escape, type RenderHelpPage } from '../flows/index.ts';
import { PROBLEM_KINDS, PROBLEM_LABELS } from './title-report.rules.ts';

export type ReportFormState = { values: Record<string, string>; errors: Record<string, string>; sentId?: string };

const error = (state: ReportFormState, name: string) =>
  state.errors[name] ? `<p class="error" id="${name}-error">${escape(state.errors[name])}</p>` : '';
const described = (state: ReportFormState, name: string) => (state.errors[name] ? ` aria-invalid="true" aria-describedby="${name}-error"` : '');

export function renderReportForm(renderPage: RenderHelpPage, state: ReportFormState): string {
  const v = (name: string) => escape(state.values[name] ?? '');
  const sent = state.sentId
    ? `<div class="card notice" role="status"><strong>Thank you, your report was sent.</strong> The content team reads every report. Reference: ${escape(state.sentId)}.</div>`
    : '';
  const summary = Object.keys(state.errors).length > 0 ? '<p class="error" role="alert">Please check the fields marked below.</p>' : '';
  const kinds = PROBLEM_KINDS.map((kind) => `<option value="${kind}"${state.values.kind === kind ? ' selected' : ''}>${escape(PROBLEM_LABELS[kind])}</option>`).join('');
  return renderPage('Report a problem with a title', `<h1>Report a problem with a title</h1>${sent}
<p>Something wrong with one show or film (subtitles, audio, picture, the wrong episode)? Tell the content team where it happens.
If every title has the problem, the <a href="/help/flows/general-streaming">streaming steps</a> help more.</p>${summary}
<form method="post" action="/help/report-title">
<label for="title">Show or film</label><input id="title" name="title" maxlength="200" required value="${v('title')}"${described(state, 'title')}>${error(state, 'title')}
<label for="episode">Season and episode <span class="muted">(for a series)</span></label><input id="episode" name="episode" maxlength="100" placeholder="Season 2, episode 3" value="${v('episode')}">${error(state, 'episode')}
<label for="kind">What is wrong?</label><select id="kind" name="kind" required${described(state, 'kind')}><option value="">Choose a problem</option>${kinds}</select>${error(state, 'kind')}
<label for="device">Device</label>${deviceSelect('device', state.values.device ?? null, { required: true })}${error(state, 'device')}
<label for="playback_time">When in the title? <span class="muted">(hh:mm:ss, as the player shows it)</span></label><input id="playback_time" name="playback_time" placeholder="00:42:10" pattern="\\d{1,2}:[0-5]\\d:[0-5]\\d" value="${v('playback_time')}"${described(state, 'playback_time')}>${error(state, 'playback_time')}
<label for="details">Anything else? <span class="muted">(optional)</span></label><textarea id="details" name="details" rows="4" maxlength="2000">${v('details')}</textarea>${error(state, 'details')}
<p><button type="submit">Send the report</button></p>
</form>`);
}
