import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../../platform/clock.ts';
import { withTables, type Db } from '../../../platform/db/database.ts';
import type { UsherModule } from '../../../platform/module.ts';
import type { Flow } from './flow.schema.ts';
import { loadFlows } from './flow-content.ts';
import type { FlowRunsTables } from './flows.repository.ts';
import { flowsRoutes } from './flows.routes.ts';
import { createFlowCatalog, createFlowRunService, type FlowCatalog, type FlowRunService } from './flows.service.ts';
import { plainHelpPage, type RenderHelpPage } from './help-page.ts';

export type { Flow, FlowStep, Outcome } from './flow.schema.ts';
export type { FlowCatalog } from './flows.service.ts';
export type { FlowRun } from './flows.repository.ts';
export { loadFlows, parseFlow, FLOWS_DIR } from './flow-content.ts';
export { validateFlow, choose, startRun, listEndings } from './flows.rules.ts';
export {
  acceptForms, deviceSelect, DEVICE_KINDS, DEVICE_LABELS, escape, field, isDeviceKind, plainHelpPage,
  type DeviceKind, type RenderHelpPage,
} from './help-page.ts';

const moduleDir = path.dirname(fileURLToPath(import.meta.url));

export const guidedFlowsMigrations = { module: 'helpcenter_flows', dir: path.join(moduleDir, 'migrations') };

export type GuidedFlowsModuleDeps = {
  db: Db;
  clock: Clock;
  /** The Help Center's page frame (`renderHelpPage` of src/modules/helpcenter/index.ts); a plain frame when absent. */
  renderPage?: RenderHelpPage;
  /** The flows; by default content/flows/*.json, validated at creation (a broken flow stops the start). */
  flows?: readonly Flow[];
};

export type GuidedFlowsModule = UsherModule & { catalog: FlowCatalog; runs: FlowRunService };

export function createGuidedFlowsModule(deps: GuidedFlowsModuleDeps): GuidedFlowsModule {
  const catalog = createFlowCatalog(deps.flows ?? loadFlows());
  const runs = createFlowRunService({ db: withTables<FlowRunsTables>(deps.db), clock: deps.clock, catalog });
  return {
    name: guidedFlowsMigrations.module,
    migrationsDir: guidedFlowsMigrations.dir,
    routes: flowsRoutes({ catalog, service: runs, renderPage: deps.renderPage ?? plainHelpPage }),
    homeLinks: [{ title: 'Step-by-step guides', href: '/help/flows', description: 'Troubleshooting one step at a time: streaming, TVs, the app, household messages, charges, cancelling, a taken-over account.' }],
    catalog,
    runs,
  };
}
