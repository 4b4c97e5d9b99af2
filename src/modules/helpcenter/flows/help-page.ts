import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import { escapeHtml } from '../../../platform/http/home-page.ts';

/**
 * The Help Center's page frame, `renderHelpPage(title, body)` from
 * src/modules/helpcenter/index.ts. Flows, title reports and contact take it as
 * a dependency so they render inside the Help Center's look; until it is
 * wired, `plainHelpPage` keeps the pages usable on their own.
 */
export type RenderHelpPage = (title: string, body: string) => string;

export const escape = (text: unknown): string => escapeHtml(String(text ?? ''));

export const plainHelpPage: RenderHelpPage = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} · Help</title>
<style>
body{margin:0;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1b22;background:#f6f5f2}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}header{background:#1d1b22;padding:.8rem 1.25rem}header a{color:#fff;font-weight:600;text-decoration:none}
.card{background:#fff;border:1px solid #d9d5de;border-radius:.75rem;padding:1rem 1.15rem;margin:0 0 1rem}
.warning{border-color:#b3261e;background:#fff4f3}.notice{border-color:#137a4b;background:#f1fbf5}.muted{color:#55515f}
button,.button{font:inherit;padding:.55rem 1rem;border-radius:.5rem;border:1px solid #6a2bd9;background:#6a2bd9;color:#fff;cursor:pointer;margin:.25rem .4rem .25rem 0;text-decoration:none;display:inline-block}
button.secondary{background:#fff;color:#6a2bd9}label{display:block;margin:.6rem 0 .2rem;font-weight:600}
input,select,textarea{font:inherit;width:100%;box-sizing:border-box;padding:.45rem;border:1px solid #b9b3c4;border-radius:.4rem}
input[type=checkbox]{width:auto}.error{color:#b3261e}a{color:#6a2bd9}
</style></head><body><header><a href="/help">Help Center</a></header><main>${body}</main></body></html>`;

/** Form posts (`application/x-www-form-urlencoded`) for these pages only: the plugin is registered inside the caller's encapsulated routes. */
export async function acceptForms(app: FastifyInstance): Promise<void> {
  await app.register(formbody);
}

/** A form field as one trimmed string: forms send strings, repeated fields arrays. */
export function field(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

/** The devices members name, as triage's `device` entity does (plus "other"). */
export const DEVICE_KINDS = ['tv', 'phone', 'tablet', 'computer', 'streaming_stick', 'game_console', 'other'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
export const DEVICE_LABELS: Record<DeviceKind, string> = {
  tv: 'Smart TV', phone: 'Phone', tablet: 'Tablet', computer: 'Computer (browser)', streaming_stick: 'Streaming stick or box',
  game_console: 'Game console', other: 'Something else',
};

export function isDeviceKind(value: string): value is DeviceKind {
  return (DEVICE_KINDS as readonly string[]).includes(value);
}

export function deviceSelect(name: string, selected: string | null, options: { required: boolean }): string {
  const blank = options.required ? '<option value="">Choose a device</option>' : '<option value="">Not sure / prefer not to say</option>';
  return `<select id="${escape(name)}" name="${escape(name)}"${options.required ? ' required' : ''}>${blank}${DEVICE_KINDS.map((kind) =>
    `<option value="${kind}"${kind === selected ? ' selected' : ''}>${escape(DEVICE_LABELS[kind])}</option>`).join('')}</select>`;
}
