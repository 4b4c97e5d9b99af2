import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(4096);
let offset = pool.length;

function randomHex(bytes: number): string {
  if (offset + bytes > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const hex = pool.toString('hex', offset, offset + bytes);
  offset += bytes;
  return hex;
}

/**
 * An id with a readable prefix, `led_0193f2…`: 12 hex digits of milliseconds
 * then 20 random ones. Ids made later sort later, so a table's primary-key
 * index grows at its end instead of splitting pages all over (the billing run
 * writes a million ledger lines a month).
 */
export function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(16).padStart(12, '0')}${randomHex(10)}`;
}
