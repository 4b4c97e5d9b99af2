import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { APP_CSP, cspOption } from './security-headers.ts';

/** The members' single-page app, built by `npm run build` into web/dist. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Paths the app routes itself; everything else stays the server's (API, docs, server-rendered pages). */
export const WEB_APP_PATHS = ['/join', '/sign-in', '/forgot', '/reset', '/find-account', '/account', '/account/*', '/tv', '/redeem', '/invitations/*', '/security/undo', '/chat', '/chat/*', '/desk', '/desk/*'];

/**
 * Serves the built app: hashed assets under /assets/ (cached for a year) and
 * index.html for the app's own paths. Without a build, those paths say how
 * to make one instead of failing obscurely.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string = WEB_DIST): Promise<void> {
  const indexFile = path.join(distDir, 'index.html');
  const built = existsSync(indexFile);
  if (built) {
    await app.register(fastifyStatic, { root: path.join(distDir, 'assets'), prefix: '/assets/', immutable: true, maxAge: '365d', decorateReply: false });
  }
  const index = built ? readFileSync(indexFile, 'utf8') : null;
  for (const url of WEB_APP_PATHS) {
    // The app styles itself from its stylesheet files only: no inline style allowed (security-headers.ts).
    app.get(url, { schema: { hide: true }, helmet: cspOption(APP_CSP) }, async (_request, reply) => {
      reply.header('cache-control', 'no-cache');
      if (index === null) return reply.code(503).type('text/plain; charset=utf-8').send('The web app is not built: run `npm run build` (npm start does it).');
      return reply.type('text/html; charset=utf-8').send(index);
    });
  }
}
