import { useEffect } from 'react';
import { useLoad, type Loaded } from '../../ui/hooks.ts';

/** `useLoad`, loaded again every few seconds while the tab is visible (queues move without anyone clicking). */
export function usePolling<T>(load: () => Promise<T>, everyMs: number): Loaded<T> {
  const loaded = useLoad(load);
  const { reload } = loaded;
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, everyMs);
    return () => window.clearInterval(timer);
  }, [reload, everyMs]);
  return loaded;
}
