/** A progress bar on stderr for long runs; a line per tenth when stderr is not a terminal (CI logs). */
export function createProgressBar(label: string, total: number) {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let lastDraw = 0;
  let lastTenth = 0;
  const draw = (done: number) => {
    const ratio = total === 0 ? 1 : done / total;
    const width = 30;
    const filled = Math.round(ratio * width);
    const rate = done / Math.max((Date.now() - started) / 1000, 0.001);
    const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${label} · ${Math.round(rate).toLocaleString('en')}/s · ${eta}s left `);
  };
  return {
    update(done: number) {
      if (!tty) {
        const tenth = Math.floor((done / Math.max(total, 1)) * 10);
        if (tenth > lastTenth && tenth < 10) process.stderr.write(`${tenth * 10}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${label}\n`);
        lastTenth = Math.max(lastTenth, tenth);
        return;
      }
      if (Date.now() - lastDraw < 100) return;
      lastDraw = Date.now();
      draw(done);
    },
    finish() {
      if (tty) {
        draw(total);
        process.stderr.write('\n');
      } else {
        process.stderr.write(`${total.toLocaleString('en')} ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      }
    },
  };
}
