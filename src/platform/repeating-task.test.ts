import { afterEach, describe, expect, it, vi } from 'vitest';
import { repeatingTask } from './repeating-task.ts';

describe('repeatingTask', () => {
  afterEach(() => vi.useRealTimers());

  it('repeats while started, once however often it is started, and not after stop', () => {
    vi.useFakeTimers();
    const tick = vi.fn();
    const task = repeatingTask(1000, tick);
    task.start();
    task.start();
    vi.advanceTimersByTime(3500);
    expect(tick).toHaveBeenCalledTimes(3);
    task.stop();
    vi.advanceTimersByTime(5000);
    expect(tick).toHaveBeenCalledTimes(3);
  });

  it('never starts with an interval of 0', () => {
    vi.useFakeTimers();
    const tick = vi.fn();
    repeatingTask(0, tick).start();
    vi.advanceTimersByTime(10_000);
    expect(tick).not.toHaveBeenCalled();
  });
});
