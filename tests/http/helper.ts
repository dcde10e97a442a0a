import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Db, openDatabase } from '../../db';
import { type AppOptions, buildApp } from '../../server/app';
import { CLI_ACTOR } from '../../server/plugins/auth';
import { createAccount } from '../../server/services/accounts';
import { SESSION_COOKIE } from '../../server/services/sessions';
import { issueToken } from '../../server/services/tokens';

export const DATA_DIR = new URL('./data/', import.meta.url).pathname;
export const FIXTURE_DIR = new URL('../../fixtures/yangcheng-2020/', import.meta.url).pathname;

export interface TestApp {
  readonly app: FastifyInstance;
  readonly db: Db;
  /** Authorization headers for each kind of caller. */
  readonly as: {
    readonly hr: { authorization: string };
    readonly auditor: { authorization: string };
    /** Principal of 凤城中学 (S01). */
    readonly principal: { authorization: string };
  };
}

/** The app on a fresh, fully migrated in-memory database, with one token per role. */
export async function buildTestApp(options: Omit<AppOptions, 'db'> = {}): Promise<TestApp> {
  const db = openDatabase(':memory:');
  const app = await buildApp({ db, ...options });
  const bearer = (role: 'hr' | 'auditor' | 'principal', schoolCode: string | null = null) => ({
    authorization: `Bearer ${issueToken(db, { role, schoolCode }, CLI_ACTOR).token}`,
  });
  return {
    app,
    db,
    as: { hr: bearer('hr'), auditor: bearer('auditor'), principal: bearer('principal', 'S01') },
  };
}

export type FileSet = Record<string, Uint8Array | string>;
/** A file of an upload: its content, or its name and content. */
export type FilePart = Uint8Array | string | readonly [fileName: string, content: Uint8Array | string];

/** Reads `names` from a dataset folder; an entry `kind: 'dir/file.csv'` reads that file for that kind. */
export function readFiles(dir: string, kinds: Record<string, string>): FileSet {
  return Object.fromEntries(
    Object.entries(kinds).map(([kind, file]) => [kind, readFileSync(join(dir, file))]),
  );
}

export const SMALL = (): FileSet =>
  readFiles(join(DATA_DIR, 'small'), {
    schools: 'schools.csv',
    posts: 'posts.csv',
    staff: 'staff.csv',
    townships: 'townships.csv',
  });

/**
 * The multipart body of an upload: each entry is a file's content, sent as `<kind>.csv` (`rules.json` for
 * rules), or `[fileName, content]` to name it (an .xlsx, a workbook); `fields` are plain form fields.
 */
export function form(files: Record<string, FilePart>, fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  for (const [kind, part] of Object.entries(files)) {
    const [name, content] = Array.isArray(part)
      ? part
      : [kind === 'rules' ? 'rules.json' : `${kind}.csv`, part];
    body.append(kind, new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  }
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return body;
}

/** Uploads a dataset and runs it as hr; returns both ids. */
export async function uploadAndRun(
  t: TestApp,
  files: FileSet,
  rules?: Record<string, unknown>,
): Promise<{ datasetId: number; runId: number; run: Record<string, unknown> }> {
  const upload = await t.app.inject({
    method: 'POST',
    url: '/api/datasets',
    headers: t.as.hr,
    payload: form(files),
  });
  if (upload.statusCode !== 201) throw new Error(`upload failed: ${upload.body}`);
  const datasetId = upload.json<{ id: number }>().id;
  const run = await t.app.inject({
    method: 'POST',
    url: '/api/runs',
    headers: t.as.hr,
    payload: rules === undefined ? { datasetId } : { datasetId, rules },
  });
  if (run.statusCode !== 201) throw new Error(`run failed: ${run.body}`);
  const body = run.json<Record<string, unknown> & { id: number }>();
  return { datasetId, runId: body.id, run: body };
}

/** Row counts of every table, to prove a rejected request wrote nothing. */
export function tableCounts(db: Db): Record<string, number> {
  const tables = [
    'datasets',
    'dataset_files',
    'runs',
    'placements',
    'api_tokens',
    'audit_log',
    'accounts',
    'sessions',
    'idempotency_keys',
  ];
  return Object.fromEntries(
    tables.map((t) => [t, (db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
}

/** Headers that act as a logged-in console user: the session cookie, plus the CSRF token for writes. */
// A type, not an interface: inject()'s headers need the implicit index signature.
export type CookieAuth = { readonly cookie: string; readonly 'x-csrf-token': string };

/** Logs in through POST /api/session; throws unless it succeeds. */
export async function login(app: FastifyInstance, username: string, password: string): Promise<CookieAuth> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  return {
    cookie: `${SESSION_COOKIE}=${cookie.value}`,
    'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken,
  };
}

export const PASSWORD = 'correct horse battery';

/** One account per role (the principal bound to S01, like the principal's token), each logged in. */
export async function withAccounts(t: TestApp): Promise<Record<'hr' | 'principal' | 'auditor', CookieAuth>> {
  const make = (username: string, role: 'hr' | 'principal' | 'auditor', schoolCode: string | null = null) =>
    createAccount(t.db, { username, password: PASSWORD, role, schoolCode, displayName: username }, CLI_ACTOR);
  await Promise.all([make('hr1', 'hr'), make('principal1', 'principal', 'S01'), make('auditor1', 'auditor')]);
  return {
    hr: await login(t.app, 'hr1', PASSWORD),
    principal: await login(t.app, 'principal1', PASSWORD),
    auditor: await login(t.app, 'auditor1', PASSWORD),
  };
}
