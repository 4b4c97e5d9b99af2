import type { BillingModule } from '../../../billing/index.ts';
import type { HouseholdModule } from '../../../household/index.ts';
import type { IdentityModule } from '../../../identity/index.ts';
import { createSupportAccountPort } from '../../../support-account-port.ts';
import { openTestApp } from '../../../../platform/testing/test-app.ts';
import type { AccountSnapshot } from '../../support.ports.ts';

/** The demo accounts a member can chat as (the README's table), read once from a freshly seeded demo. */
export const DEMO_ACCOUNTS = [
  'acct_demo_ava', 'acct_demo_ben', 'acct_demo_chloe', 'acct_demo_jonas', 'acct_demo_dev', 'acct_demo_emi',
  'acct_demo_finn', 'acct_demo_grace', 'acct_demo_hugo', 'acct_demo_ines', 'acct_demo_jade', 'acct_demo_karim',
] as const;
export type DemoAccount = (typeof DEMO_ACCOUNTS)[number];

/**
 * Opens the demo as `npm start` seeds it on `today` and reads every demo
 * member's AccountSnapshot through the same port the chat uses, plus the
 * billing catalog for the charge explainer. Test-only: the app is closed
 * before returning, the snapshots are plain data.
 */
export async function readDemoSnapshots(today: string): Promise<{ snapshots: Record<DemoAccount, AccountSnapshot>; catalog: BillingModule['catalog'] }> {
  const t = await openTestApp({ today, demo: true });
  try {
    const find = <T>(name: string) => t.app.modules.find((module) => module.name === name) as unknown as T;
    const billing = find<BillingModule>('billing');
    const port = createSupportAccountPort({ billing, identity: find<IdentityModule>('identity'), household: find<HouseholdModule>('household'), clock: t.clock });
    const snapshots = {} as Record<DemoAccount, AccountSnapshot>;
    for (const id of DEMO_ACCOUNTS) {
      const snapshot = await port.snapshot(id);
      if (!snapshot) throw new Error(`no demo snapshot for ${id}`);
      snapshots[id] = snapshot;
    }
    return { snapshots, catalog: billing.catalog };
  } finally {
    await t.close();
  }
}
