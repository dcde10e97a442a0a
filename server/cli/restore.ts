import { DEFAULT_DATABASE_PATH } from '../../db';
import { CLI_ACTOR } from '../plugins/auth';
import { restoreDatabase } from '../services/backup';
import { runMain } from './run-main';

/**
 * `npm run restore -- <file>`: replaces the database (DATABASE_PATH) with a backup, only when the backup
 * passes integrity_check and its audit chain verifies; a broken one is refused (exit 1) and nothing
 * changes. The replaced database is kept beside it. Stop the server first.
 */
async function main(): Promise<number> {
  const [file, ...rest] = process.argv.slice(2);
  if (file === undefined || rest.length > 0) {
    console.error('usage: npm run restore -- <file>');
    return 2;
  }
  const target = process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH;
  const { check, savedAs } = await restoreDatabase(target, file, CLI_ACTOR);
  if (!check.ok) {
    console.error(
      `refused: ${file}: ${check.problem}${check.integrity.length > 1 ? `\n${check.integrity.join('\n')}` : ''}`,
    );
    console.error(`${target} was not changed`);
    return 1;
  }
  console.log(
    `restored ${target} from ${file} (${check.audit?.entries} audit entries, head ${check.audit?.headHash})${savedAs ? `; the previous database is kept as ${savedAs}` : ''}`,
  );
  return 0;
}

runMain(main);
