/**
 * The malformed-input battery (docs/security.md): every route the server
 * registers, documented or hidden, gets wrong types, huge and deep bodies,
 * NUL characters, lone surrogates, extreme dates and numbers, in its body,
 * path, query string and headers, from a visitor, a member or an agent as
 * the route expects. No answer may be a 5xx, and no request may hang or take
 * the server down.
 */
import { describe, expect, it } from 'vitest';
import { databaseKinds } from './platform/testing/test-database.ts';
import { runBattery } from './platform/testing/malformed-input/battery.ts';

describe('malformed input on every route', () => {
  for (const kind of databaseKinds()) {
    it(`never answers 5xx, hangs or dies [${kind}]`, async () => {
      const report = await runBattery(kind);
      const byRoute = new Map<string, string[]>();
      for (const finding of report.findings) byRoute.set(finding.route, [...(byRoute.get(finding.route) ?? []), `${finding.label} → ${finding.outcome}`]);
      console.info(`malformed-input battery [${kind}]: ${report.requests} requests on ${report.routes} routes, ${report.findings.length} failures on ${byRoute.size} routes; statuses ${JSON.stringify(report.statuses)}`);
      expect(report.routes).toBeGreaterThan(80);
      expect([...byRoute].map(([route, failures]) => `${route}: ${failures.length} × e.g. ${failures.slice(0, 3).join(' | ')}`)).toEqual([]);
    }, 20 * 60_000);
  }
});
