import { closeDatabase, openDatabase } from '../../db';
import { CLI_ACTOR } from '../plugins/auth';
import { backupDatabase } from '../services/backup';
import { runMain } from './run-main';

/**
 * `npm run backup -- <file>`: a consistent copy of the database (DATABASE_PATH) while the server runs,
 * checked (integrity_check, audit chain) and recorded in the audit log. Exits 1 when the copy fails its
 * check, 2 on bad usage.
 */
async function main(): Promise<number> {
  const [file, ...rest] = process.argv.slice(2);
  if (file === undefined || rest.length > 0) {
    console.error('usage: npm run backup -- <file>');
    return 2;
  }
  const db = openDatabase();
  try {
    const result = await backupDatabase(db, file, CLI_ACTOR);
    if (!result.ok) {
      console.error(`backup written to ${file} but it fails its check: ${result.problem}`);
      return 1;
    }
    console.log(
      `backup ${file}: ${result.bytes} bytes, integrity ok, audit chain ok (${result.audit?.entries} entries, head ${result.audit?.headHash})`,
    );
    return 0;
  } finally {
    closeDatabase(db);
  }
}

runMain(main);
