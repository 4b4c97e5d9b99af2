/**
 * The whole app in a process of its own, for the malformed-input battery:
 * a request that loops or exhausts memory takes this process down, not the
 * test runner, which sees a timeout or a closed socket and records a hang.
 * `node --import tsx battery-server.ts <pglite|postgres>` prints one JSON
 * line: `{"port", "routes": [{ method, url, body, querystring, params, headers }]}`
 * (each part a JSON Schema, or null).
 */
import { z } from 'zod';
import { routeCatalog } from '../../http/route-catalog.ts';
import { openTestApp } from '../test-app.ts';
import { openTestDatabase } from '../test-database.ts';

const kind = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';

function jsonSchema(schema: unknown): unknown {
  if (schema === undefined || schema === null) return null;
  if (typeof schema === 'object' && '_zod' in schema) return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' });
  return schema;
}

const database = await openTestDatabase(kind);
const t = await openTestApp({
  today: '2026-03-10',
  demo: true,
  database,
  // Each request names its own address (X-Forwarded-For), so per-address limits do not stop the battery half-way.
  env: { USHER_ADMIN_KEY: 'battery-admin-key-0123456789', USHER_AGENT_KEY: 'battery-agent-key-0123456789', USHER_TRUST_PROXY: 'true' },
});
await t.app.server.listen({ host: '127.0.0.1', port: 0 });
const address = t.app.server.server.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;
const routes = routeCatalog(t.app.server)
  .filter((route) => !route.websocket)
  .map((route) => {
    const schema = (route.schema ?? {}) as Record<string, unknown>;
    return {
      method: route.method,
      url: route.url,
      body: jsonSchema(schema.body),
      querystring: jsonSchema(schema.querystring),
      params: jsonSchema(schema.params),
      headers: jsonSchema(schema.headers),
    };
  });
process.stdout.write(`${JSON.stringify({ port, routes })}\n`);

const stop = async (): Promise<void> => {
  await t.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('disconnect', () => void stop());
