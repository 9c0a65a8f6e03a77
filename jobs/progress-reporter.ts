// How a run reports itself: a redrawn progress bar on a terminal, plain log lines anywhere else (CI, a
// container's log), so logs stay greppable.
export interface ProgressReporter {
  log(message: string): void;
  progress(done: number, total: number, label?: string): void;
  finish(): void;
}

export function createProgressReporter(job: string, stream: NodeJS.WriteStream = process.stdout): ProgressReporter {
  const interactive = stream.isTTY === true;
  let barShown = false;
  const clearBar = () => {
    if (barShown) stream.write("\r\x1b[2K");
    barShown = false;
  };
  return {
    log(message) {
      clearBar();
      stream.write(`[${new Date().toISOString()}] ${job}: ${message}\n`);
    },
    progress(done, total, label) {
      const share = total > 0 ? done / total : 1;
      if (!interactive) {
        stream.write(`[${new Date().toISOString()}] ${job}: ${done}/${total}${label ? ` ${label}` : ""}\n`);
        return;
      }
      const width = 30;
      const filled = Math.round(share * width);
      stream.write(
        `\r\x1b[2K${job} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${label ?? ""}`,
      );
      barShown = true;
    },
    finish: clearBar,
  };
}
