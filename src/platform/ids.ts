import { randomUUID } from 'node:crypto';

/** A random id with a readable prefix: `mem_3f2a…`, `led_…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}
