import { parseArgs } from 'node:util';
import { closeDatabase, listApiTokens, openDatabase } from '../../db';
import { CLI_ACTOR } from '../plugins/auth';
import { isRole, issueToken, revokeToken } from '../services/tokens';

/**
 * `npm run token -- --role <hr|principal|auditor> [--school CODE] [--label TEXT]` prints a new bearer token
 * once (the database keeps only its SHA-256; its id goes to stderr). `--list` shows every token without
 * secrets; `--revoke ID` stops one at once. Issues and revocations are in the audit log.
 */
const USAGE =
  'usage: npm run token -- --role <hr|principal|auditor> [--school CODE] [--label TEXT] | --list | --revoke ID';

function main(): number {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      school: { type: 'string' },
      label: { type: 'string' },
      list: { type: 'boolean', default: false },
      revoke: { type: 'string' },
    },
  });
  const db = openDatabase();
  try {
    if (values.list) {
      for (const t of listApiTokens(db)) {
        console.log(
          [
            t.id,
            t.role,
            t.schoolCode ?? '-',
            t.label ?? '-',
            t.createdAt,
            t.revokedAt ? `revoked ${t.revokedAt}` : 'live',
          ].join('\t'),
        );
      }
      return 0;
    }
    if (values.revoke !== undefined) {
      const id = Number(values.revoke);
      if (!Number.isInteger(id) || !revokeToken(db, id, CLI_ACTOR)) {
        console.error(`no live token with id ${values.revoke}`);
        return 1;
      }
      console.error(`token ${id} revoked`);
      return 0;
    }
    const role = values.role ?? '';
    if (!isRole(role)) {
      console.error(USAGE);
      return 2;
    }
    const { token, id } = issueToken(
      db,
      { role, schoolCode: values.school ?? null, label: values.label ?? null },
      CLI_ACTOR,
    );
    console.log(token);
    console.error(
      `token id ${id} (${role}${values.school ? ` ${values.school}` : ''}); revoke with npm run token -- --revoke ${id}`,
    );
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 2;
  } finally {
    closeDatabase(db);
  }
}

process.exitCode = main();
