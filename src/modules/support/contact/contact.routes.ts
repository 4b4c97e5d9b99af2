import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptForms, field, type RenderHelpPage } from '../../helpcenter/flows/index.ts';
import { MAX_TEXT_LENGTH } from '../../triage/index.ts';
import { CHANNELS, type SupportHours } from './support-hours.ts';
import type { ContactIdentity, ContactMember, ContactService, Where } from './contact.service.ts';
import { AppError } from '../../../platform/errors.ts';
import { redact } from '../../safety/redaction/index.ts';
import { renderAdvice, renderCallRequested, renderContactForm, renderRefusal } from './contact.pages.ts';

const formBody = z.record(z.string(), z.unknown()).optional();
const html = (reply: FastifyReply, status: number, page: string) =>
  reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);

export function contactRoutes(deps: { service: ContactService; identity: ContactIdentity; hours: SupportHours; renderPage: RenderHelpPage }): FastifyPluginAsyncZod {
  const { service, identity, hours, renderPage } = deps;
  const fallback: Where = { country: Object.keys(hours.countries)[0] ?? 'US', language: 'en' };

  /** The form's country and language when they are configured ones, else the member's account, else the first configured. */
  const whereFrom = (source: unknown, member: ContactMember | null): Where => {
    const country = field(source, 'country').toUpperCase();
    const language = field(source, 'language').toLowerCase();
    return {
      country: country in hours.countries ? country : (member?.country.toUpperCase() ?? fallback.country),
      language: language in hours.languages ? language : (member?.language.toLowerCase() ?? fallback.language),
    };
  };
  const member = (request: FastifyRequest) => identity.currentMember(request);

  return async (app) => {
    await acceptForms(app);

    app.get('/help/contact', { schema: { hide: true } }, async (request, reply) => {
      const signedIn = await member(request);
      return html(reply, 200, renderContactForm(renderPage, hours, { where: whereFrom(request.query, signedIn) }));
    });

    app.post('/help/contact', { schema: { hide: true, body: formBody } }, async (request, reply) => {
      const signedIn = await member(request);
      const where = whereFrom(request.body, signedIn);
      const text = field(request.body, 'text');
      if (text === '' || text.length > MAX_TEXT_LENGTH) {
        const error = text === '' ? 'Tell us in a few words what the problem is.' : `Please keep it under ${MAX_TEXT_LENGTH} characters.`;
        return html(reply, 400, renderContactForm(renderPage, hours, { where, text: text.slice(0, MAX_TEXT_LENGTH), error }));
      }
      const advice = await service.adviseOnProblem({ text, chosenIntent: field(request.body, 'intent'), where });
      return html(reply, 200, renderAdvice(renderPage, hours, advice, signedIn));
    });

    app.post('/help/contact/call', { schema: { hide: true, body: formBody } }, async (request, reply) => {
      const signedIn = await member(request);
      const where = whereFrom(request.body, signedIn);
      const text = field(request.body, 'text').slice(0, MAX_TEXT_LENGTH) || 'Call requested from the contact page.';
      const intent = field(request.body, 'intent');
      let result: Awaited<ReturnType<ContactService['requestCallBack']>>;
      try {
        result = await service.requestCallBack({
          text, intent, where, member: signedIn, typedCode: field(request.body, 'service_code'), address: request.ip,
          ...(identity.verifyServiceCode ? { verifyServiceCode: identity.verifyServiceCode } : {}),
        });
      } catch (error) {
        // Identity's limit on wrong codes from this address: the form again, with when to retry.
        if (!(error instanceof AppError) || error.code !== 'RATE_LIMITED') throw error;
        const advice = await service.adviseOnProblem({ text, chosenIntent: intent, where });
        return html(reply, 429, renderAdvice(renderPage, hours, advice, signedIn, error.message));
      }
      if (result.ok) return html(reply, 201, renderCallRequested(renderPage, result.value, signedIn));
      if (result.refusal === 'code_needed' || result.refusal === 'code_invalid') {
        const advice = await service.adviseOnProblem({ text, chosenIntent: intent, where });
        const why = result.refusal === 'code_needed'
          ? 'Type the 6-digit service code shown in the app under Help, or sign in.'
          : 'That service code does not match. Open Help in the app and type the code shown now (it changes every few minutes), or sign in.';
        return html(reply, result.refusal === 'code_needed' ? 400 : 422, renderAdvice(renderPage, hours, advice, signedIn, why));
      }
      return html(reply, 409, renderRefusal(renderPage, result.refusal, 'call', result.availability));
    });

    app.post('/help/contact/chat', { schema: { hide: true, body: formBody } }, async (request, reply) => {
      const signedIn = await member(request);
      const where = whereFrom(request.body, signedIn);
      const text = field(request.body, 'text').slice(0, MAX_TEXT_LENGTH) || 'Chat started from the contact page.';
      const result = await service.startChat({ text, intent: field(request.body, 'intent'), where, member: signedIn });
      if (!result.ok) return html(reply, 409, renderRefusal(renderPage, result.refusal === 'code_needed' || result.refusal === 'code_invalid' ? 'closed' : result.refusal, 'chat', result.availability));
      if ('id' in result.value) return reply.redirect(`/chat/${encodeURIComponent(result.value.id)}`, 303);
      // A visitor proves an email on the chat page first; their words go along, redacted.
      return reply.redirect(`/chat/new?${new URLSearchParams({ text: redact(text).text })}`, 303);
    });

    // Links to chats from before the live chat existed.
    app.get('/help/contact/chats/:id', { schema: { hide: true, params: z.object({ id: z.string().max(64) }) } }, async (request, reply) =>
      reply.redirect(`/chat/${encodeURIComponent(request.params.id)}`, 301));

    app.get('/api/contact/availability', {
      schema: {
        tags: ['support'], summary: 'Which ways to reach a person are open now, for a country and language',
        querystring: z.object({ country: z.string().max(2).optional(), language: z.string().max(2).optional() }),
        response: {
          200: z.object({
            country: z.string(), language: z.string(), desk_language: z.string().nullable(), time_zone: z.string().nullable(),
            channels: z.array(z.object({ channel: z.enum(CHANNELS), offered: z.boolean(), open_now: z.boolean(), opens_at: z.string().nullable() })),
          }),
        },
      },
    }, async (request) => {
      const where = whereFrom(request.query, await member(request));
      const availability = service.availabilityNow(where);
      return {
        country: where.country, language: where.language, desk_language: availability.desk?.language ?? null, time_zone: availability.desk?.timeZone ?? null,
        channels: availability.channels.map((state) => ({ channel: state.channel, offered: state.offered, open_now: state.openNow, opens_at: state.opensAt?.toISOString() ?? null })),
      };
    });
  };
}
