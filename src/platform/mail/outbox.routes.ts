import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { listOutboxMessages } from './outbox.repository.ts';
import { renderOutboxPage, linksIn } from './outbox-page.ts';

export type OutboxRoutesOptions = {
  database: Database;
  /** The server's public address: links to it are shown relative so they work from any host (a phone on the LAN). */
  publicUrl?: string;
};

const MAX_SHOWN = 200;

const messageSchema = z.object({
  id: z.string(),
  channel: z.enum(['email', 'sms']),
  to: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  links: z.array(z.string()),
  created_at: z.string(),
});

/**
 * The demo outbox: every email and SMS the demo "sent". Demo mode only (the
 * caller registers it only then): bodies hold reset links and codes.
 */
export function outboxRoutes(options: OutboxRoutesOptions): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/dev/outbox', {
      schema: {
        tags: ['demo'],
        summary: 'Demo outbox: emails and SMS, newest first',
        querystring: z.object({ to: z.string().trim().min(1).max(320).optional() }),
        response: { 200: z.object({ messages: z.array(messageSchema) }) },
      },
    }, async (request) => {
      const rows = await listOutboxMessages(options.database.db, { to: request.query.to, limit: MAX_SHOWN });
      return {
        messages: rows.map((row) => ({
          id: row.id,
          channel: row.channel,
          to: row.recipient,
          subject: row.subject,
          body: row.body,
          links: linksIn(row.body),
          created_at: new Date(row.created_at).toISOString(),
        })),
      };
    });

    app.get('/dev/outbox', { schema: { hide: true } }, async (_request, reply) => {
      const rows = await listOutboxMessages(options.database.db, { limit: MAX_SHOWN });
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderOutboxPage(rows, options.publicUrl));
    });
  };
}
