import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode';
import { readDatasetDir } from './index';
import { BASE, bytes, codesOf, files, parseEn } from './testdata/inline';

const testdata = join(import.meta.dirname, 'testdata');

describe('encodings are detected, never asked', () => {
  it('reads a GBK file with Chinese headers and CRLF exactly as its UTF-8 twin', async () => {
    // testdata/gbk was made from testdata/utf8 with `iconv -f UTF-8 -t GBK` and CRLF line ends.
    const utf8 = await readDatasetDir(join(testdata, 'utf8'));
    const gbk = await readDatasetDir(join(testdata, 'gbk'));
    expect(utf8.ok).toBe(true);
    expect(gbk.ok).toBe(true);
    if (!utf8.ok || !gbk.ok) return;
    expect(gbk.dataset).toEqual(utf8.dataset);
    expect(JSON.stringify(gbk.dataset)).toBe(JSON.stringify(utf8.dataset));
    expect(gbk.files.map((f) => f.encoding)).toEqual(Array(5).fill('gb18030'));
    expect(utf8.files.map((f) => f.encoding)).toEqual(Array(5).fill('utf-8'));
    expect(gbk.dataset.staff[2]).toMatchObject({
      id: 'T003',
      name: '李娜',
      subject: '语文',
      title: 'second',
    });
  });

  it('strips a UTF-8 BOM, so the first header still matches', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(BASE.schools)]);
    const plain = await parseEn(files());
    const withBom = await parseEn(files({ schools: bom }));
    expect(withBom.ok).toBe(true);
    if (!withBom.ok || !plain.ok) return;
    expect(withBom.dataset).toEqual(plain.dataset);
    expect(withBom.files[0]).toMatchObject({ kind: 'schools', encoding: 'utf-8-bom' });
  });

  it('hashes the bytes as uploaded', async () => {
    const raw = await readFile(join(testdata, 'gbk', 'staff.csv'));
    const result = await readDatasetDir(join(testdata, 'gbk'));
    expect(result.ok && result.files.find((f) => f.kind === 'staff')?.sha256).toBe(
      createHash('sha256').update(raw).digest('hex'),
    );
  });

  it('rejects binary content (NUL bytes) that is not a workbook', async () => {
    const binary = new Uint8Array([0x00, 0x01, 0x02, 0x61, 0x0a]);
    expect(await codesOf(parseEn(files({ staff: binary })))).toEqual([
      ['FILE_NOT_TEXT', 'staff.csv', null, null],
    ]);
  });

  it('rejects a binary file whose bytes are not UTF-8 or GBK either (a program, a picture) as not text, once', async () => {
    // An ELF header, then bytes no encoding reads: one FILE_NOT_TEXT, not a LINE_UNDECODABLE per line.
    const binary = new Uint8Array([
      0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0xff, 0xfe, 0x0a, 0xff, 0x00, 0x0a,
    ]);
    expect(await codesOf(parseEn(files({ staff: binary })))).toEqual([
      ['FILE_NOT_TEXT', 'staff.csv', null, null],
    ]);
  });

  it('reads a zip as a workbook, and a broken one is a located problem', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    expect(await codesOf(parseEn(files({ staff: zip })))).toEqual([
      ['WORKBOOK_UNREADABLE', 'staff.csv', null, null],
    ]);
  });

  it('names the line whose bytes are neither UTF-8 nor GB18030', async () => {
    // 0xFF never occurs in UTF-8 nor in GB18030.
    const broken = new Uint8Array([
      ...bytes('school_code,name,stage,township\nS01,'),
      0xff,
      0xff,
      ...bytes(',high,x\n'),
    ]);
    expect(await codesOf(parseEn(files({ schools: broken })))).toEqual([
      ['LINE_UNDECODABLE', 'schools.csv', 2, null],
    ]);
  });

  it('reads UTF-16 "Unicode text" (tab-separated, with BOM) like its UTF-8 twin', async () => {
    const tsv = BASE.posts.replaceAll(',', '\t').replaceAll('\n', '\r\n');
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(tsv, 'utf16le'))]);
    const plain = await parseEn(files());
    const result = await parseEn(files({ posts: le }));
    expect(result.ok && plain.ok && result.dataset).toEqual(plain.ok && plain.dataset);
    expect(result.ok && result.files[1]?.encoding).toBe('utf-16le');
  });

  it('decodes GB18030 as the 2022 edition: the 24 code points it moved out of the private-use area', () => {
    const moved: [string, number][] = [
      // Mapped to CJK Extension B by 2022; Node's decoder (the 2005 table) still gives U+E816… for these.
      ['FE51', 0x20087],
      ['FE52', 0x20089],
      ['FE53', 0x200cc],
      ['FE6C', 0x215d7],
      ['FE76', 0x2298f],
      ['FE91', 0x241fe],
      // Vertical forms and CJK radicals, which Node already decodes as 2022 does.
      ['A6D9', 0xfe10],
      ['A6DA', 0xfe12],
      ['A6DB', 0xfe11],
      ['A6DC', 0xfe13],
      ['A6DD', 0xfe14],
      ['A6DE', 0xfe15],
      ['A6DF', 0xfe16],
      ['A6EC', 0xfe17],
      ['A6ED', 0xfe18],
      ['A6F3', 0xfe19],
      ['FE59', 0x9fb4],
      ['FE61', 0x9fb5],
      ['FE66', 0x9fb6],
      ['FE67', 0x9fb7],
      ['FE6D', 0x9fb8],
      ['FE7E', 0x9fb9],
      ['FE90', 0x9fba],
      ['FEA0', 0x9fbb],
    ];
    for (const [hex, codePoint] of moved) {
      // D6D0 (中) around it makes the text long enough to be judged GBK.
      const decoded = decodeText(new Uint8Array(Buffer.from(`D6D0${hex}D6D0`, 'hex')));
      expect(decoded.ok && [...decoded.text].map((c) => c.codePointAt(0))).toEqual([
        0x4e2d,
        codePoint,
        0x4e2d,
      ]);
    }
  });

  it('keeps UTF-8 with a few Latin letters as UTF-8 (the evidence weighs the whole file)', async () => {
    const staff = BASE.staff.replace('张伟', 'Zoë 张伟').replace('王芳', 'Müller 王芳');
    const r = await parseEn(files({ staff }));
    expect(r.ok && r.files[2]?.encoding).toBe('utf-8');
    expect(r.ok && r.dataset.staff.map((s) => s.name)).toEqual(['Zoë 张伟', 'Müller 王芳']);
  });
});
