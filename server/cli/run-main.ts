/**
 * Runs a CLI's `main` and turns its result into the process's exit code: the number it returns, or 1 when it
 * throws. A refusal the CLI foresaw is printed by `main` itself; what reaches here is unforeseen, so it is
 * printed as its message, or with its stack where `stack` asks for one (an operator reporting a bug).
 */
export function runMain(main: () => Promise<number>, options: { stack?: boolean } = {}): void {
  // `… --json | head` closes the pipe early: that is the reader being done, not a failure worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const text =
        error instanceof Error ? (options.stack ? (error.stack ?? error.message) : error.message) : error;
      console.error(text);
      process.exitCode = 1;
    },
  );
}
