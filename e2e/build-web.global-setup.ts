import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

/** Newest modification time under a folder. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

/** Browser journeys need the built app: build it when web/dist is missing or older than its sources. */
export default async function buildWebApp(): Promise<void> {
  const index = 'web/dist/index.html';
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(newest('web/src'), statSync('web/index.html').mtimeMs)) return;
  await build({ configFile: 'web/vite.config.ts', logLevel: 'warn' });
}
