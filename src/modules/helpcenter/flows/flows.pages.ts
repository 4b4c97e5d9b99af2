import type { Flow, FlowOption, FlowStep, Outcome } from './flow.schema.ts';
import { needsConfirmation } from './flows.rules.ts';
import { deviceSelect, escape, type RenderHelpPage } from './help-page.ts';

const OUTCOME_WORDS: Record<Outcome, string> = { solved: 'Solved', not_solved: 'Not solved here', contact: 'Next: contact us' };
const WARNING_WORDS = { deletes_downloads: 'This step deletes your downloads', signs_out: 'This step signs you out' } as const;

const paragraphs = (text: string): string =>
  text.split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean).map((part) => `<p>${escape(part)}</p>`).join('');

function optionButtons(options: readonly FlowOption[], secondary: boolean): string {
  return options.map((option) =>
    `<button type="submit" name="option" value="${escape(option.id)}"${secondary ? ' class="secondary"' : ''}>${escape(option.label)}</button>`).join('');
}

export function renderFlowList(renderPage: RenderHelpPage, flows: readonly Flow[]): string {
  const items = flows.map((flow) => `<li class="card"><h2 style="margin:.1rem 0;font-size:1.1rem"><a href="/help/flows/${escape(flow.id)}">${escape(flow.title)}</a></h2><p class="muted" style="margin:.3rem 0 0">${escape(flow.summary)}</p></li>`);
  return renderPage('Step-by-step guides', `<h1>Step-by-step guides</h1>
<p>Answer a few questions and try one step at a time. We tell you before any step that signs you out or deletes downloads.</p>
<ul style="list-style:none;padding:0">${items.join('')}</ul>`);
}

export type StepView = {
  flow: Flow;
  step: FlowStep;
  /** Where the form posts: the flow (first answer creates the run) or the run. */
  action: string;
  /** Choices made before this step. */
  stepNumber: number;
  device: string | null;
  error?: string;
};

function stepForm(view: StepView, step: Exclude<FlowStep, { kind: 'end' }>): string {
  const firstStep = view.stepNumber === 1;
  const device = firstStep
    ? `<label for="device">Which device is this about?</label>${deviceSelect('device', view.device ?? view.flow.device ?? null, { required: false })}`
    : '';
  const doing = step.options.filter((option) => needsConfirmation(step, option));
  const skipping = step.options.filter((option) => !needsConfirmation(step, option));
  if (doing.length === 0) {
    return `<form method="post" action="${escape(view.action)}">${device}<p>${optionButtons(step.options, false)}</p></form>`;
  }
  // A warned step: the options that do it sit behind a required tick; skipping needs none.
  const confirmForm = `<form method="post" action="${escape(view.action)}">${device}
<p><label style="font-weight:normal"><input type="checkbox" name="confirm" value="yes" required> I have read the warning above and want to do this step</label></p>
<p>${optionButtons(doing, false)}</p></form>`;
  const skipForm = skipping.length === 0 ? '' : `<form method="post" action="${escape(view.action)}">${firstStep ? device : ''}<p>${optionButtons(skipping, true)}</p></form>`;
  return confirmForm + skipForm;
}

export function renderStep(renderPage: RenderHelpPage, view: StepView): string {
  const { flow, step } = view;
  const error = view.error ? `<p class="error" role="alert">${escape(view.error)}</p>` : '';
  const restart = `<p><a href="/help/flows/${escape(flow.id)}">Start again</a> · <a href="/help/flows">All guides</a></p>`;
  if (step.kind === 'end') {
    const links = step.links.map((link) => `<a class="button" href="${escape(link.href)}">${escape(link.label)}</a>`).join(' ');
    const contact = step.outcome !== 'solved' && !step.links.some((link) => link.href.startsWith('/help/contact'))
      ? ' <a href="/help/contact">Contact us</a>' : '';
    return renderPage(flow.title, `<p class="muted">${escape(flow.title)}</p>
<section class="card ${step.outcome === 'solved' ? 'notice' : ''}" aria-live="polite"><p class="muted" style="margin:0">${escape(OUTCOME_WORDS[step.outcome])}</p>
<h1>${escape(step.title)}</h1>${paragraphs(step.text)}<p>${links}${contact}</p></section>${restart}`);
  }
  const instructions = step.kind === 'step' && step.instructions.length > 0
    ? `<ol>${step.instructions.map((line) => `<li>${escape(line)}</li>`).join('')}</ol>` : '';
  const warning = step.kind === 'step' && step.warning
    ? `<div class="card warning" role="alert"><strong>${escape(WARNING_WORDS[step.warning.kind])}.</strong> ${escape(step.warning.text)}</div>` : '';
  return renderPage(`${step.title} · ${flow.title}`, `<p class="muted">${escape(flow.title)} · step ${view.stepNumber}</p>
<h1>${escape(step.title)}</h1>${warning}${paragraphs(step.text)}${instructions}${error}${stepForm(view, step)}${restart}`);
}

export function renderNotFound(renderPage: RenderHelpPage, what: string): string {
  return renderPage('Not found', `<h1>We can't find that guide</h1><p>${escape(what)}</p><p><a href="/help/flows">See all guides</a></p>`);
}
