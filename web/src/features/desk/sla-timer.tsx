import { useEffect, useRef, useState } from 'react';
import type { SlaTimer } from '../../api/desk.ts';
import { formatDuration } from './desk-words.ts';

/** Seconds since the timer's data arrived, ticking each second: the server's clock decides, the browser only counts. */
function useElapsedSince(key: unknown): number {
  const start = useRef(performance.now());
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    start.current = performance.now();
    setElapsed(0);
    const timer = window.setInterval(() => setElapsed(Math.floor((performance.now() - start.current) / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, [key]);
  return elapsed;
}

/** One SLA clock: time left counting down, red once breached; "met" with the time once done. */
export function SlaClock({ label, timer }: { label: string; timer: SlaTimer }) {
  const elapsed = useElapsedSince(timer);
  if (timer.remaining_seconds === null) {
    return (
      <div className={timer.breached ? 'sla sla-breached' : 'sla sla-met'}>
        <dt>{label}</dt>
        <dd>{timer.breached ? 'Met late' : 'Met'}</dd>
      </div>
    );
  }
  const left = timer.remaining_seconds - elapsed;
  const breached = left < 0;
  return (
    <div className={breached ? 'sla sla-breached' : left < 300 ? 'sla sla-soon' : 'sla'}>
      <dt>{label}</dt>
      <dd>
        {/* Read once, not every second: the live value is for the eye. */}
        <span aria-hidden="true">{breached ? `Breached ${formatDuration(-left)} ago` : `${formatDuration(left)} left`}</span>
        <span className="visually-hidden">{breached ? 'Breached' : `About ${Math.max(1, Math.round(left / 60))} minutes left`}</span>
      </dd>
    </div>
  );
}

export function SlaClocks({ sla }: { sla: { first_response: SlaTimer; resolution: SlaTimer } }) {
  return (
    <dl className="sla-list">
      <SlaClock label="First response" timer={sla.first_response} />
      <SlaClock label="Resolution" timer={sla.resolution} />
    </dl>
  );
}
