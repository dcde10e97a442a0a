import { join } from 'node:path';
import JSZip from 'jszip';
import { parseDataset, readDatasetDir } from '../../server/import';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'fixtures/yangcheng-2020');

export interface LoaderFigures {
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  /** The inputs that crashed the server before the loader was bounded (issue #6), each parsed once. */
  readonly hostile: readonly { readonly name: string; readonly ms: number; readonly problems: number }[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const round1 = (ms: number) => Math.round(ms * 10) / 10;

/**
 * readDatasetDir on the 阳城 fixture (median of `runs` after a warm-up; target ≤ 20 ms, issue #8), and the
 * time to refuse each hostile input in process.
 */
export async function benchLoader(runs = 31): Promise<LoaderFigures> {
  await readDatasetDir(FIXTURE);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const result = await readDatasetDir(FIXTURE);
    times.push(performance.now() - t0);
    if (!result.ok) throw new Error('the fixture was rejected');
  }
  const text = (s: string) => new TextEncoder().encode(s);
  const base = await Promise.all(
    ['schools', 'posts'].map(
      async (kind) =>
        [
          kind,
          await import('node:fs/promises').then((fs) => fs.readFile(join(FIXTURE, `${kind}.csv`))),
        ] as const,
    ),
  );
  const header =
    'staff_id,name,gender,birth_date,school_code,subject,cert_stage,title,years_of_service,score';
  const hostile = [
    [
      '志愿1000000000 header',
      { staff: text(`${header},志愿1000000000\nT1,张伟,M,1975-03-08,YCH01,语文,high,senior,25,88.5\n`) },
    ],
    ['a million one-character lines', { staff: text(`${header}\n${'x\n'.repeat(1_000_000)}`) }],
    ['100,000 one-character lines', { staff: text(`${header}\n${'x\n'.repeat(100_000)}`) }],
    [
      '18 MB rules.json',
      { staff: text(`${header}\n`), rules: text(`{"tieBreak":[${'"nope",'.repeat(2_700_000)}"nope"]}`) },
    ],
  ] as const;
  const zip = new JSZip();
  zip.file('xl/worksheets/sheet1.xml', new Uint8Array(200 * 1024 * 1024));
  const bomb = { staff: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) };
  const figures = [];
  for (const [name, files] of [...hostile, ['an .xlsx unzipping to 200 MB', bomb] as const]) {
    const t0 = performance.now();
    const r = await parseDataset({ ...Object.fromEntries(base), ...files });
    figures.push({
      name,
      ms: round1(performance.now() - t0),
      problems: r.ok ? 0 : r.issues.length + r.moreIssues,
    });
  }
  return { runs, medianMs: round1(median(times)), minMs: round1(Math.min(...times)), hostile: figures };
}
