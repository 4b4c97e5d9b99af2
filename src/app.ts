import type { Config } from './config.ts';
import { createModules } from './modules/registry.ts';
import type { Clock } from './platform/clock.ts';
import type { Database } from './platform/db/database.ts';
import { platformMigrations, type MigrationSource } from './platform/db/migrations.ts';
import { buildHttpServer, type HttpServer, type RoutesPlugin } from './platform/http/server.ts';
import type { Logger } from './platform/logger.ts';
import type { UsherModule } from './platform/module.ts';

export type AppDeps = {
  config: Config;
  clock: Clock;
  database: Database;
  logger: Logger;
};

export type App = {
  server: HttpServer;
  modules: UsherModule[];
  /** Stops the modules and the server; the database belongs to the caller. */
  close(): Promise<void>;
};

/** The platform's tables first, then each module's, in registry order. */
export function migrationSources(modules: UsherModule[]): MigrationSource[] {
  return [platformMigrations, ...modules.map((module) => ({ module: module.name, dir: module.migrationsDir }))];
}

export async function createApp(deps: AppDeps): Promise<App> {
  const modules = createModules(deps);
  const server = await buildHttpServer({
    ...deps,
    routes: modules.flatMap((module): RoutesPlugin[] => (module.routes === undefined ? [] : [module.routes].flat())),
    homeLinks: modules.flatMap((module) => module.homeLinks ?? []),
  });
  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    for (const module of [...modules].reverse()) await module.stop?.();
    await server.close();
  };
  return { server, modules, close: () => (closing ??= close()) };
}
