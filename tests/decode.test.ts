/**
 * Encoding detection (src/lib/parse/decode.ts) on every report of the embedded
 * corpus: UTF-16 without a BOM (LE and BE) is detected, and no UTF-8, GB18030
 * or plain ASCII text is taken for UTF-16.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { decode } from '../src/lib/parse/decode.ts';
import { listCorpus } from '../src/lib/dataset/corpus.ts';
import { generateCorpus } from '../scripts/lib/synth/corpus.ts';

const texts = listCorpus('data').filter((e) => e.status === 'read')
  .map((e) => ({ file: e.file, text: decode(readFileSync(e.abs)).text }));

describe('UTF-16 without a BOM', () => {
  it('is detected for every report of the corpus, little- and big-endian', () => {
    expect(texts.length).toBeGreaterThan(100);
    const missed: string[] = [];
    for (const { file, text } of texts) {
      for (const enc of ['utf-16le', 'utf-16be'] as const) {
        const d = decode(iconv.encode(text, enc));
        if (d.encoding !== enc || d.text !== text) missed.push(`${file} ${enc} → ${d.encoding}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('is detected on a short Chinese text with no ASCII at all', () => {
    const text = '本年度政府信息公开工作总体情况良好,依申请公开办理及时规范。';
    for (const enc of ['utf-16le', 'utf-16be'] as const) expect(decode(iconv.encode(text, enc)).encoding).toBe(enc);
  });
});

describe('not UTF-16', () => {
  it('UTF-8 and GB18030 reports of the corpus and of the generator stay what they are', () => {
    const wrong: string[] = [];
    const gen = [...generateCorpus({ seed: 3, count: 300 })].map((r) => ({ file: r.file, text: decode(r.bytes).text }));
    for (const { file, text } of [...texts, ...gen]) {
      const u = decode(Buffer.from(text, 'utf8'));
      if (u.encoding !== 'utf-8') wrong.push(`${file} utf-8 → ${u.encoding}`);
      const g = decode(iconv.encode(text, 'gb18030'));
      if (g.encoding !== 'gb18030' && g.text !== text) wrong.push(`${file} gb18030 → ${g.encoding}`);
    }
    expect(wrong).toEqual([]);
  });

  it('plain English ASCII stays UTF-8 (lower-case pairs are CJK code points in UTF-16)', () => {
    const text = 'this is a plain ascii note about the annual report, nothing more.\n'.repeat(20);
    expect(decode(Buffer.from(text)).encoding).toBe('utf-8');
  });
});
