/**
 * Encoding detection (src/lib/parse/decode.ts) on every report of the embedded
 * corpus: UTF-16 without a BOM (LE and BE) is detected, and no UTF-8, GB18030
 * or plain ASCII text is taken for UTF-16.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { decode, fewReplacements } from '../src/lib/parse/decode.ts';
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

describe('damaged UTF-8 or GB18030', () => {
  /** What decode() used to do: decode lossily and count the U+FFFD characters. */
  const reference = (b: Uint8Array) => {
    const lossy = new TextDecoder('utf-8').decode(b);
    let bad = 0;
    for (let i = 0; i < lossy.length; i++) if (lossy.charCodeAt(i) === 0xfffd) bad++;
    return bad <= Math.max(8, lossy.length / 100);
  };

  it('counts replacement characters on the bytes exactly as TextDecoder writes them', () => {
    // Valid UTF-8 with runs of random bytes, truncated sequences, surrogates, overlongs and U+FFFD itself.
    let seed = 7;
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) >>> 0; return seed % n; };
    const pieces = [
      [0xe4, 0xb8, 0xad], [0x41], [0xef, 0xbf, 0xbd], [0xed, 0xa0, 0x80], [0xe0, 0x80, 0x80], [0xf0, 0x9f, 0x98, 0x80],
      [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0xe4, 0xb8], [0xf0, 0x9f], [0x80], [0xff], [0xc2], [0xd6, 0xd0],
    ];
    let disagree = 0, damaged = 0, gb = 0;
    for (let k = 0; k < 3000; k++) {
      const out: number[] = [];
      const len = 1 + rand(3000);
      const badShare = rand(5); // 0: none of the bad pieces … 4: about 1.6 %, around the threshold
      while (out.length < len) {
        const p = rand(1000) < badShare * 4 ? pieces[rand(pieces.length)] : rand(2) ? pieces[0] : pieces[1];
        out.push(...p);
      }
      const b = Uint8Array.from(out);
      const want = reference(b);
      if (fewReplacements(b) !== want) disagree++;
      if (want) damaged++; else gb++;
    }
    expect(disagree).toBe(0);
    expect(damaged).toBeGreaterThan(100); // both outcomes were exercised
    expect(gb).toBeGreaterThan(100);
  });

  it('reads GBK text as GB18030 and UTF-8 with a few bad bytes as damaged UTF-8', () => {
    const text = '本年度政府信息公开工作总体情况良好,依申请公开办理及时规范。'.repeat(20);
    expect(decode(iconv.encode(text, 'gbk')).encoding).toBe('gb18030');
    const utf8 = Buffer.from(text, 'utf8');
    utf8[30] = 0xff;
    const d = decode(utf8);
    expect(d.encoding).toBe('utf-8-damaged');
    expect(d.text).toBe(new TextDecoder('utf-8').decode(utf8));
  });
});
