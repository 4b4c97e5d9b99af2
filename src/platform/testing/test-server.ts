import { loadConfig } from '../../config.ts';
import { fixedClock, type Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { buildHttpServer, type HttpServer, type RoutesPlugin } from '../http/server.ts';
import { createLogger } from '../logger.ts';

/**
 * The platform's HTTP server (every hook: text guard, headers, origin check)
 * around a test's own routes, quiet and without the demo or the scheduler.
 */
export function buildTestServer(options: { database: Database; routes: RoutesPlugin[]; env?: Record<string, string>; clock?: Clock; webDist?: string }): Promise<HttpServer> {
  return buildHttpServer({
    config: loadConfig({ USHER_DEMO: 'false', USHER_SCHEDULER: 'false', ...options.env }),
    logger: createLogger({ level: 'silent' }),
    database: options.database,
    clock: options.clock ?? fixedClock('2026-03-10T09:00:00Z'),
    routes: options.routes,
    homeLinks: [],
    ...(options.webDist === undefined ? {} : { webDist: options.webDist }),
  });
}
