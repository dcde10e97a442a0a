import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('.', import.meta.url));
/** Where the built console lands; the server serves it at `/` when its index.html exists. */
export const CONSOLE_DIR = join(WEB, 'dist');

/** Newest modification time (ms) of a file or of every file under a folder. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/**
 * True when the build in `outDir` (web/dist by default) is missing or older than anything it is built from: the console's sources, its Vite
 * config and the lockfile (a new antd is a new console).
 */
export function consoleIsStale(outDir: string = CONSOLE_DIR): boolean {
  const built = newest(join(outDir, 'index.html'));
  if (built === 0) return true;
  const inputs = [
    join(WEB, 'src'),
    join(WEB, 'index.html'),
    join(WEB, 'vite.config.ts'),
    join(WEB, '..', 'package-lock.json'),
  ];
  return inputs.some((input) => newest(input) > built);
}

/**
 * Builds the console with Vite into `outDir` (web/dist by default) when it is stale; resolves to whether
 * it built. The browser tests pass a folder of their own, so they never rewrite the web/dist that a
 * running `npm start` serves (it knows only the asset files that existed when it started).
 */
export async function buildConsoleIfStale(outDir: string = CONSOLE_DIR): Promise<boolean> {
  if (!consoleIsStale(outDir)) return false;
  // Vite builds React and antd in development mode when NODE_ENV says so (vitest sets it to "test").
  process.env.NODE_ENV = 'production';
  // Imported here so that a server started with a fresh build never loads Vite.
  const { build } = await import('vite');
  await build({ configFile: join(WEB, 'vite.config.ts'), build: { outDir, emptyOutDir: true } });
  return true;
}

// `tsx web/build-console.ts [--out DIR]`
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const at = process.argv.indexOf('--out');
  const outDir = at > 0 ? (process.argv[at + 1] ?? CONSOLE_DIR) : CONSOLE_DIR;
  buildConsoleIfStale(outDir).then(
    (built) => {
      if (built) console.log(`console built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${outDir}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
