// The worker pool's entry (server/services/allocation-pool.ts): plain JavaScript, so a worker thread can
// load it whatever loaders its parent has, then tsx so it can load the TypeScript engine, under
// `npm start` and vitest alike.
import { register } from 'tsx/esm/api';

register();
const task = await import('./allocate.ts');

export const run = task.run;
export const replay = task.replay;
