import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { flowSchema, type Flow } from './flow.schema.ts';
import { loadFlows, parseFlow } from './flow-content.ts';
import { choose, findStep, listEndings, needsConfirmation, startRun, validateFlow, type RunState } from './flows.rules.ts';

const REQUIRED_FLOWS = [
  'general-streaming', 'smart-tv', 'mobile-app', 'household-message', 'unknown-charge', 'charged-after-cancel', 'cannot-cancel', 'account-secured',
];

function flow(steps: unknown[], start = 'a'): Flow {
  return flowSchema.parse({ id: 'test-flow', title: 'Test', summary: 'A test flow', start, steps });
}
const end = (id: string, outcome = 'solved') => ({ id, kind: 'end', outcome, title: id });
const question = (id: string, ...nexts: string[]) => ({ id, kind: 'question', title: id, options: nexts.map((next, index) => ({ id: `o${index}`, label: next, next })) });

describe('validateFlow', () => {
  it('accepts a tree whose every path ends', () => {
    expect(validateFlow(flow([question('a', 'b', 'c'), end('b'), end('c', 'contact')]))).toEqual([]);
  });

  it('names an option leading to a step that does not exist', () => {
    expect(validateFlow(flow([question('a', 'b', 'nowhere'), end('b')]))).toContain('step "a" option "o1" leads to "nowhere", which is not a step');
  });

  it('refuses a loop without a way out but accepts one with an exit', () => {
    const trap = flow([question('a', 'b', 'c'), question('b', 'c', 'a'), question('c', 'a', 'b'), end('d')]);
    expect(validateFlow(trap).join('\n')).toMatch(/never reaches an end/);
    const loopWithExit = flow([question('a', 'b', 'c'), question('b', 'a', 'd'), end('c'), end('d')]);
    expect(validateFlow(loopWithExit)).toEqual([]);
  });

  it('refuses steps that cannot be reached and a missing start', () => {
    expect(validateFlow(flow([question('a', 'b', 'c'), end('b'), end('c'), end('orphan')]))).toContain('step "orphan" cannot be reached from the start');
    expect(validateFlow(flow([question('a', 'b', 'c'), end('b'), end('c')], 'zz'))).toContain('start "zz" is not a step');
  });

  it('requires a warning on a step that signs the member out or deletes downloads', () => {
    const signOut = { id: 'a', kind: 'step', title: 'Sign out and back in', instructions: ['Choose Sign out.'], options: [{ id: 'done', label: 'Done', next: 'b' }] };
    expect(validateFlow(flow([signOut, end('b')]))).toEqual(['step "a" signs the member out or deletes downloads but has no warning']);
    const reinstall = { ...signOut, title: 'Fresh install', instructions: ['Delete the Reelhouse app and install it again.'] };
    expect(validateFlow(flow([reinstall, end('b')]))[0]).toMatch(/no warning/);
    const warned = { ...signOut, warning: { kind: 'signs_out', text: 'You will be signed out.' } };
    expect(validateFlow(flow([warned, end('b')]))).toEqual([]);
  });

  it('explains without triggering: a reassurance in the text is not an instruction', () => {
    const reassure = { id: 'a', kind: 'step', title: 'Check the account', text: 'Deleting the app or signing out never cancels anything.', options: [{ id: 'ok', label: 'OK', next: 'b' }] };
    expect(validateFlow(flow([reassure, end('b')]))).toEqual([]);
  });

  it('reports a broken content file by name and problem, and refuses unknown fields', () => {
    expect(() => parseFlow('broken.json', '{')).toThrow(/broken\.json is invalid: not JSON/);
    const text = JSON.stringify({ id: 'x', title: 'X', summary: 'x', start: 'a', steps: [question('a', 'b', 'missing'), end('b')] });
    expect(() => parseFlow('x.json', text)).toThrow(AppError);
    expect(() => parseFlow('x.json', text)).toThrow(/option "o1" leads to "missing"/);
    expect(() => flowSchema.parse({ id: 'x', title: 'X', summary: 'x', start: 'a', steps: [end('a'), end('b')], colour: 'red' })).toThrow();
  });
});

describe('the shipped flows (content/flows)', () => {
  const flows = loadFlows();

  it('has at least the eight flows of the issue, each valid', () => {
    expect(flows.map((f) => f.id)).toEqual(expect.arrayContaining(REQUIRED_FLOWS));
    for (const f of flows) expect(validateFlow(f), f.id).toEqual([]);
  });

  it('reaches an end on every path, and every flow can end solved and can lead to a person or another answer', () => {
    for (const f of flows) {
      const endings = listEndings(f);
      expect(endings.length, f.id).toBeGreaterThan(0);
      expect(endings.some((e) => e.outcome === 'solved'), f.id).toBe(true);
      expect(endings.some((e) => e.outcome !== 'solved'), f.id).toBe(true);
    }
  });

  it('reaches an end when the member always picks the first, or always the last, answer (confirming warnings)', () => {
    for (const f of flows) {
      for (const pick of ['first', 'last'] as const) {
        let state: RunState = startRun(f);
        for (let guard = 0; state.outcome === null; guard += 1) {
          expect(guard, `${f.id} ${pick}`).toBeLessThan(50);
          const step = findStep(f, state.stepId);
          if (!step || step.kind === 'end') throw new Error(`${f.id}: stuck at ${state.stepId}`);
          const option = pick === 'first' ? step.options[0] : step.options[step.options.length - 1];
          const result = choose(f, state, { optionId: option.id, confirmed: true });
          if (!result.ok) throw new Error(`${f.id}: ${result.refusal}`);
          state = result.state;
        }
        expect(['solved', 'not_solved', 'contact']).toContain(state.outcome);
      }
    }
  });

  it('warns before signing out (general streaming, TV reinstall, securing an account) and before deleting downloads (phone reinstall)', () => {
    const byId = new Map(flows.map((f) => [f.id, f]));
    const warning = (flowId: string, stepId: string) => {
      const step = findStep(byId.get(flowId) as Flow, stepId);
      return step?.kind === 'step' ? step.warning?.kind : undefined;
    };
    expect(warning('general-streaming', 'sign-out-in')).toBe('signs_out');
    expect(warning('smart-tv', 'reinstall')).toBe('signs_out');
    expect(warning('mobile-app', 'reinstall')).toBe('deletes_downloads');
    expect(warning('account-secured', 'sign-out-everywhere')).toBe('signs_out');
  });

  it('follows the general streaming steps of the product in order', () => {
    const general = flows.find((f) => f.id === 'general-streaming') as Flow;
    const order = ['other-apps', 'restart-device', 'restart-network', 'update-app', 'update-device', 'date-time', 'vpn', 'sign-out-in', 'other-device', 'error-code', 'look-up-code'];
    const longest = listEndings(general).map((e) => e.path).find((p) => order.every((id) => p.includes(id)));
    expect(longest?.filter((id) => order.includes(id))).toEqual(order);
  });
});

describe('moving through a run', () => {
  const f = flow([
    { id: 'a', kind: 'step', title: 'Reinstall the app', instructions: ['Uninstall the app.'], warning: { kind: 'deletes_downloads', text: 'Downloads go.' },
      options: [{ id: 'done', label: 'Done', next: 'b' }, { id: 'skip', label: 'Skip', next: 'c', skip: true }] },
    end('b'), end('c', 'contact'),
  ]);

  it('refuses the warned option until the member confirms, and records the confirmation', () => {
    expect(choose(f, startRun(f), { optionId: 'done', confirmed: false })).toEqual({ ok: false, refusal: 'confirmation_required' });
    expect(choose(f, startRun(f), { optionId: 'done', confirmed: true })).toEqual({
      ok: true, state: { stepId: 'b', path: [{ step: 'a', option: 'done', confirmed: true }], outcome: 'solved' },
    });
  });

  it('lets the member skip a warned step without confirming', () => {
    const step = findStep(f, 'a');
    expect(step && step.kind !== 'end' && needsConfirmation(step, step.options[1])).toBe(false);
    expect(choose(f, startRun(f), { optionId: 'skip', confirmed: false })).toMatchObject({ ok: true, state: { outcome: 'contact' } });
  });

  it('refuses unknown answers and any answer after the end', () => {
    expect(choose(f, startRun(f), { optionId: 'nope', confirmed: true })).toEqual({ ok: false, refusal: 'unknown_option' });
    expect(choose(f, { stepId: 'b', path: [], outcome: 'solved' }, { optionId: 'done', confirmed: true })).toEqual({ ok: false, refusal: 'finished' });
  });
});
