const mib = 1024 * 1024;

const format = (bytes: number) =>
  bytes >= 1024 * mib ? `${(bytes / (1024 * mib)).toFixed(2)} GiB` : `${(bytes / mib).toFixed(1)} MiB`;

/**
 * A one-line progress bar redrawn with \r on a terminal; a single summary line otherwise, so
 * logs and CI output are not flooded. Redrawn at most ten times a second.
 */
export function progressLine(stream: NodeJS.WriteStream, total: number, label: string) {
  const started = performance.now();
  let lastDraw = 0;
  const interactive = stream.isTTY === true;
  const draw = (done: number) => {
    const seconds = Math.max((performance.now() - started) / 1000, 0.001);
    const share = total === 0 ? 1 : done / total;
    const width = 24;
    const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
    // \x1b[K clears what a longer previous line left behind.
    stream.write(
      `\r${label} [${bar}] ${(share * 100).toFixed(0).padStart(3)}% ${format(done)} ` +
        `/ ${format(total)} ${format(done / seconds)}/s\x1b[K`,
    );
  };
  return {
    update(done: number): void {
      if (!interactive) return;
      const now = performance.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      draw(done);
    },
    finish(done: number): void {
      const seconds = Math.max((performance.now() - started) / 1000, 0.001);
      if (interactive) {
        draw(done);
        stream.write('\n');
      } else {
        stream.write(`${label}: ${format(done)} in ${seconds.toFixed(1)} s (${format(done / seconds)}/s)\n`);
      }
    },
    abandon(): void {
      if (interactive && lastDraw > 0) stream.write('\n');
    },
  };
}
