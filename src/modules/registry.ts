import type { ModuleDeps, UsherModule } from '../platform/module.ts';

/**
 * Every feature module, in dependency order: migrations run and modules start
 * in this order, and stop in reverse.
 */
export function createModules(deps: ModuleDeps): UsherModule[] {
  void deps;
  return [];
}
