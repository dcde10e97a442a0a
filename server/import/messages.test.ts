import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, quoteCell } from './messages';

describe('message catalogue', () => {
  it('documents every code in docs/DATASET.md', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/DATASET.md'), 'utf8');
    const missing = Object.keys(MESSAGES).filter((code) => !doc.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  it('says every message in Chinese and in English', () => {
    const params = new Proxy({}, { get: () => 'x' });
    for (const [code, m] of Object.entries(MESSAGES)) {
      expect(m.zh(params), code).toMatch(/[\u4e00-\u9fff]/);
      expect(m.en(params), code).not.toBe(m.zh(params));
    }
  });

  it('cuts a quoted cell to 80 characters', () => {
    expect(quoteCell('短')).toBe('短');
    const cut = quoteCell('汉'.repeat(500));
    expect(Array.from(cut)).toHaveLength(80);
    expect(cut.endsWith('…')).toBe(true);
  });
});
