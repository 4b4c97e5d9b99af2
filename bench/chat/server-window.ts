import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { ServerCommand, ServerReport } from './protocol.ts';

export const reportToDriver = (message: ServerReport) => process.send?.(message);

/**
 * Answers the driver's commands in a server process: what the process spent
 * (CPU, event loop) between `measure-start` and `measure-stop`, and a clean
 * shutdown on `close`.
 */
export function answerDriver(openSockets: () => number, close: () => Promise<void>): void {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  // Only the measured window is profiled: start-up and the handshakes would drown it.
  const profileDir = process.env.BENCH_CHAT_PROFILE_DIR;
  const inspector = profileDir ? new Session() : undefined;
  let window: { cpu: NodeJS.CpuUsage; elu: ReturnType<typeof performance.eventLoopUtilization>; at: number } | undefined;
  process.on('message', async (command: ServerCommand) => {
    if (command.type === 'measure-start') {
      delay.reset();
      delay.enable();
      if (inspector) {
        inspector.connect();
        await inspector.post('Profiler.enable');
        await inspector.post('Profiler.setSamplingInterval', { interval: 200 });
        await inspector.post('Profiler.start');
      }
      window = { cpu: process.cpuUsage(), elu: performance.eventLoopUtilization(), at: performance.now() };
    } else if (command.type === 'measure-stop' && window) {
      delay.disable();
      if (inspector && profileDir) {
        const { profile } = await inspector.post('Profiler.stop');
        writeFileSync(path.join(profileDir, `chat-server-${process.pid}.cpuprofile`), JSON.stringify(profile));
        inspector.disconnect();
      }
      const cpu = process.cpuUsage(window.cpu);
      reportToDriver({
        type: 'measured',
        stats: {
          cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - window.at,
          eventLoopUtilization: performance.eventLoopUtilization(window.elu).utilization,
          eventLoopDelayP99Ms: delay.percentile(99) / 1e6, rssMb: process.memoryUsage().rss / 1e6, openSockets: openSockets(),
        },
      });
    } else if (command.type === 'close') {
      await close();
      reportToDriver({ type: 'closed' });
      process.exit(0);
    }
  });
}
