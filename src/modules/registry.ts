import type { ModuleDeps, UsherModule } from '../platform/module.ts';
import { createBillingModule, loadCatalog, type BillingModule } from './billing/index.ts';

/** How often the server's scheduler runs the day's billing; idempotent, so often is cheap. */
const BILLING_SCHEDULER_INTERVAL_MS = 15 * 60 * 1000;

export type Modules = { billing: BillingModule; all: UsherModule[] };

/**
 * Every feature module, in dependency order: migrations run and modules start
 * in this order, and stop in reverse.
 */
export function buildModules(deps: ModuleDeps): Modules {
  const postgres = deps.database.kind === 'postgres';
  const billing = createBillingModule({
    db: deps.database.db,
    clock: deps.clock,
    catalog: loadCatalog(deps.config.catalogFile),
    logger: deps.logger,
    demoMode: deps.config.demoMode,
    schedulerIntervalMs: deps.config.schedulerEnabled ? BILLING_SCHEDULER_INTERVAL_MS : 0,
    workers: postgres ? 3 : 1,
    batchSize: postgres ? 2500 : 1000,
  });
  return { billing, all: [billing] };
}

export function createModules(deps: ModuleDeps): UsherModule[] {
  return buildModules(deps).all;
}
