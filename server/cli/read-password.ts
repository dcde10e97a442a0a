/**
 * Reads a password for the CLI. From a terminal: prompts on stderr and reads with echo off (raw mode),
 * twice, and the two must match. From a pipe (`printf 'pw\n' | npm run user -- add …`): the first line of
 * stdin. Bounded: at most 64 KiB is read.
 *
 * @returns the password, or null when the terminal entries differ or the input ended empty-handed.
 */
export async function readPassword(prompt = '密码：', confirm = '再输入一次：'): Promise<string | null> {
  if (!process.stdin.isTTY) return firstLineOfStdin();
  const first = await readHidden(prompt);
  const second = await readHidden(confirm);
  return first === second ? first : null;
}

const MAX_BYTES = 64 * 1024;

async function firstLineOfStdin(): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= MAX_BYTES || chunk.includes(0x0a)) break;
  }
  if (size === 0) return null;
  const line = Buffer.concat(chunks).toString('utf8').split('\n')[0] ?? '';
  return line.replace(/\r$/, '');
}

function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    const done = (result: string | Error): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onData = (input: string): void => {
      for (const ch of input) {
        if (ch === '\r' || ch === '\n') {
          done(value);
          return;
        }
        if (ch === '\u0003') {
          done(new Error('已取消'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (value.length < MAX_BYTES) value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
