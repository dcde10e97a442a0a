import { parseArgs } from 'node:util';
import { closeDatabase, openDatabase } from '../../db';
import { CLI_ACTOR } from '../plugins/auth';
import { isRole, issueToken } from '../services/tokens';

/**
 * `npm run token -- --role <hr|principal|auditor> [--school CODE] [--label TEXT]`
 * Prints a new bearer token once; the database keeps only its SHA-256.
 */
function main(): void {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, school: { type: 'string' }, label: { type: 'string' } },
  });
  const role = values.role ?? '';
  if (!isRole(role)) {
    console.error('usage: npm run token -- --role <hr|principal|auditor> [--school CODE] [--label TEXT]');
    process.exit(2);
  }
  const db = openDatabase();
  try {
    const { token } = issueToken(
      db,
      { role, schoolCode: values.school ?? null, label: values.label ?? null },
      CLI_ACTOR,
    );
    console.log(token);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  } finally {
    closeDatabase(db);
  }
}

main();
