import type { Config } from '../config.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db/database.ts';
import type { HomeLink, RoutesPlugin } from './http/server.ts';
import type { Logger } from './logger.ts';

/** What the composition root hands every module; modules take what they need from it. */
export type ModuleDeps = {
  config: Config;
  clock: Clock;
  database: Database;
  logger: Logger;
};

/**
 * A feature area as the platform sees it: its tables (migrations), its HTTP
 * routes, its entries on the home page, and background work to start and stop.
 */
export type UsherModule = {
  name: string;
  /** Absolute path of the module's `migrations/` directory of `0001_name.sql` files. */
  migrationsDir: string;
  /** One plugin, or several (public routes, demo routes) registered in order. */
  routes?: RoutesPlugin | RoutesPlugin[];
  homeLinks?: HomeLink[];
  /** Fills the module's demo data once (demo mode, first start); a second call changes nothing. */
  seedDemo?(): Promise<unknown>;
  /** Called after migrations, before the server listens (schedulers, subscribers). */
  start?(): Promise<void>;
  /**
   * Network listeners besides the HTTP server (the reporting address's SMTP
   * port): opened by `main.ts` only, after the HTTP server listens, so test
   * apps never bind them; closed by `stop`.
   */
  startListeners?(): Promise<void>;
  /** Called on shutdown, in reverse order; must be safe when `start` never ran. */
  stop?(): Promise<void>;
};
