import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';

describe('newId', () => {
  it('has the prefix, 32 hex digits, and no repeats', () => {
    const ids = Array.from({ length: 10_000 }, () => newId('led'));
    expect(ids.every((id) => /^led_[0-9a-f]{32}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts ids made later after earlier ones', async () => {
    const first = newId('x');
    await new Promise((resolve) => setTimeout(resolve, 3));
    expect(newId('x') > first).toBe(true);
  });
});
