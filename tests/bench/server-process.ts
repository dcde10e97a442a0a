/** What the HTTP benches share: the 阳城 fixture as an upload form, and stopping the server's process. */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATASET_FILES, FILE_NAMES } from '../../server/import';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURE = join(ROOT, 'fixtures/yangcheng-2020');

/** The fixture's files as the multipart body of `POST /api/datasets` (absent optional files left out). */
export function fixtureForm(): FormData {
  const body = new FormData();
  for (const kind of DATASET_FILES) {
    const path = join(FIXTURE, FILE_NAMES[kind]);
    if (existsSync(path)) body.append(kind, new Blob([readFileSync(path)]), FILE_NAMES[kind]);
  }
  return body;
}

/** Stops the server (SIGTERM, then waits for it to exit) and removes its temp directory `dir`. */
export async function stopServer(child: ChildProcess, dir: string): Promise<void> {
  // A server that already exited (a crash before or during the bench) emits no further 'exit': waiting for
  // one would hang the bench instead of reporting the error.
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
}
