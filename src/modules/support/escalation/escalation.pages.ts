import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import { acceptForms, escape, field, type RenderHelpPage } from '../../helpcenter/flows/index.ts';
import { fileEscalation, type EscalationContext } from './escalation.service.ts';
import { fileBodySchema } from './escalation.routes.ts';
import { day, KIND_NAMES, partnerAdvice } from './escalation.rules.ts';
import type { Escalation } from './escalation.repository.ts';

const TOPICS: [string, string][] = [['billing', 'A charge, a refund or my membership'], ['security', 'My account\'s security'], ['technical', 'Watching or an app'], ['general', 'Something else']];

type FormState = { kind?: string; topic?: string; description?: string; error?: string };

export function renderComplaintForm(renderPage: RenderHelpPage, state: FormState = {}): string {
  const kind = state.kind === 'specialist' ? 'specialist' : 'complaint';
  const radio = (value: string, label: string, hint: string) =>
    `<label class="choice"><input type="radio" name="kind" value="${value}"${kind === value ? ' checked' : ''}> <strong>${label}</strong> <span class="muted">${hint}</span></label>`;
  const topics = TOPICS.map(([value, label]) => `<option value="${value}"${state.topic === value ? ' selected' : ''}>${escape(label)}</option>`).join('');
  return renderPage('Make a complaint or ask for a specialist', `<h1>Make a complaint or ask for a specialist</h1>
<p>If an answer from us did not settle your problem, tell us here. You get a reference number at once, the date by which we will answer, and you can follow every step on your <a href="/account/support">support page</a>.</p>
<form method="post" action="/help/contact/complaint">
<fieldset><legend>What would you like?</legend>
${radio('complaint', 'A formal complaint', 'acknowledged within 2 working days, answered within 15')}<br>
${radio('specialist', 'A specialist to review it', 'answered within 5 working days')}</fieldset>
<label for="topic">What is it about?</label><select id="topic" name="topic">${topics}</select>
<label for="description">What happened, and what outcome do you want?</label>
<textarea id="description" name="description" rows="6" maxlength="4000" required>${escape(state.description ?? '')}</textarea>
${state.error ? `<p class="error" role="alert">${escape(state.error)}</p>` : ''}
<p><button type="submit">Send</button></p></form>
<p class="muted">We will never ask for your password, a one-time code or your full card number.</p>`);
}

export function renderComplaintFiled(renderPage: RenderHelpPage, escalation: Escalation): string {
  const partner = escalation.billingPartner ? `<p>${escape(partnerAdvice(escalation.billingPartner, escalation.topic))}</p>` : '';
  return renderPage('Complaint registered', `<h1>Your ${escape(KIND_NAMES[escalation.kind])} is registered</h1>
<section class="card notice" role="status"><p>Your reference: <strong class="reference">${escape(escalation.reference)}</strong></p>
<p>We will acknowledge it by ${day(escalation.acknowledgeDue)} and give you our answer by ${day(escalation.answerDue)} (UTC).</p></section>
${partner}<p>Every step is written on it with its date and time: <a href="/account/support">follow it on your support page</a>.</p>`);
}

const signInPage = (renderPage: RenderHelpPage) => renderPage('Sign in first', `<h1>Sign in first</h1>
<p>A complaint or a specialist request is linked to your account, so that only you can follow it. <a href="/sign-in?next=${encodeURIComponent('/help/contact/complaint')}">Sign in</a> and come back here.</p>`);

/** The contact page's form (no JavaScript): signed-in members only; visitors are asked to sign in. */
export function complaintPageRoutes(deps: {
  ctx: EscalationContext; renderPage: RenderHelpPage; currentMember(request: FastifyRequest): Promise<{ accountId: string } | null>;
}): FastifyPluginAsyncZod {
  const { ctx, renderPage } = deps;
  const html = (status: number, page: string) => ({ status, page });
  const send = (reply: FastifyReply, out: { status: number; page: string }) =>
    reply.code(out.status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(out.page);
  return async (app) => {
    await acceptForms(app);

    app.get('/help/contact/complaint', { schema: { hide: true } }, async (request, reply) => {
      const member = await deps.currentMember(request);
      return send(reply, member ? html(200, renderComplaintForm(renderPage)) : html(401, signInPage(renderPage)));
    });

    app.post('/help/contact/complaint', { schema: { hide: true, body: z.record(z.string(), z.unknown()).optional() } }, async (request, reply) => {
      const member = await deps.currentMember(request);
      if (!member) return send(reply, html(401, signInPage(renderPage)));
      const form = { kind: field(request.body, 'kind'), topic: field(request.body, 'topic'), description: field(request.body, 'description') };
      const parsed = fileBodySchema.safeParse(form);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const error = issue?.path[0] === 'description' ? (form.description.length > 4000 ? 'Please keep it under 4000 characters.' : 'Tell us in a sentence or two what is wrong (10 characters at least).') : 'Choose what you would like and what it is about.';
        return send(reply, html(400, renderComplaintForm(renderPage, { ...form, error })));
      }
      try {
        const { escalation } = await fileEscalation(ctx, { accountId: member.accountId, kind: parsed.data.kind, topic: parsed.data.topic, description: parsed.data.description, source: 'contact_page' });
        return send(reply, html(201, renderComplaintFiled(renderPage, escalation)));
      } catch (error) {
        if (error instanceof AppError && error.status < 500) return send(reply, html(error.status, renderComplaintForm(renderPage, { ...form, error: error.message })));
        throw error;
      }
    });
  };
}
