/**
 * The parser's fast paths give what the plain code they stand for gives.
 * Each shortcut skips work (a split not stored, a character not looked up, a
 * search not made) on the promise that the result is the same; these tests
 * hold them to it on random input (fast-check, fixed seed).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AMOUNT, COUNT } from '../src/lib/parse/form.ts';
import { mapArray } from '../src/lib/parse/map-array.ts';
import { makeSource, slashBetweenDigits } from '../src/lib/parse/source.ts';
import { compact, matchesOf, normalize } from '../src/lib/parse/text.ts';
import { runsIn, splitZone, zoneTokens } from '../src/lib/parse/zone.ts';
import { cleaner, findTitle, firstSubject, titleAt } from '../src/lib/parse/metadata.ts';
import { appTableCount } from '../src/lib/parse/report.ts';

const SEED = Number(process.env.FC_SEED ?? 4242);

/** A row's total holds: the last value is the sum of the others (true with a NULL). */
const totalHolds = (vals: readonly (number | null)[]) =>
  vals.some((v) => v === null) || vals.slice(0, -1).reduce((s: number, v) => s + v!, 0) === vals[vals.length - 1];

/** What a row's zone prints: digit runs, placeholders and separators, on one or two lines. */
const zoneText = fc.array(fc.oneof(
  fc.stringMatching(/^[0-9]{1,9}$/),
  fc.constantFrom('—', '/', '无', '0', '00', '12.5'),
), { minLength: 1, maxLength: 6 }).chain((parts) => fc.constantFrom(' ', ' | ', '\t', '\n').map((sep) => parts.join(sep)));

describe('splitZone with keep', () => {
  it('stores exactly the kept splits, in order, and counts all of them', () => {
    fc.assert(fc.property(zoneText, fc.integer({ min: 3, max: 7 }), fc.boolean(), (text, cells, amounts) => {
      const src = makeSource(text.split('\n'));
      const tokens = zoneTokens(src, 0, src.text.length);
      const rules = Array.from({ length: cells }, (_, i) => (amounts && i === cells - 1 ? AMOUNT : COUNT));
      const all = splitZone(tokens, rules);
      const kept = splitZone(tokens, rules, undefined, undefined, totalHolds);
      const values = (s: typeof all) => s.splits.map((sp) => sp.cells.map((c) => c.value));
      expect(kept.overflow).toBe(all.overflow);
      expect(kept.admissible).toBe(all.splits.length);
      expect(values(kept)).toEqual(values(all).filter(totalHolds));
      // The kept splits are the same cells (text, line, offset), not only the same values.
      expect(kept.splits).toEqual(all.splits.filter((sp) => totalHolds(sp.cells.map((c) => c.value))));
    }), { seed: SEED, numRuns: 400 });
  });

  it('counts towards the limit the splits it does not keep', () => {
    // 12 digits into 7 cells: C(11, 6) = 462 cuts, every piece a valid count.
    const src = makeSource(['123456789123']);
    const tokens = zoneTokens(src, 0, src.text.length);
    const rules = Array.from({ length: 7 }, () => COUNT);
    expect(splitZone(tokens, rules).splits.length).toBe(462);
    const limited = splitZone(tokens, rules, 100, undefined, () => false);
    expect(limited.overflow).toBe(true);
    expect(limited.splits).toEqual([]);
  });
});

describe('splitZone on a run of digits', () => {
  /** Every way to cut `s` into `k` numbers, by the form's rule: no leading zero but in `0`, at most 8 digits (12 in an amount). */
  const cuts = (s: string, k: number, amountLast: boolean): number[][] => {
    const out: number[][] = [];
    const go = (pos: number, acc: number[]) => {
      if (acc.length === k) { if (pos === s.length) out.push(acc.slice()); return; }
      for (let e = pos + 1; e <= s.length; e++) {
        const piece = s.slice(pos, e);
        const max = amountLast && acc.length === k - 1 ? 12 : 8;
        if (piece.length > max || (piece.length > 1 && piece[0] === '0')) continue;
        acc.push(Number(piece)); go(e, acc); acc.pop();
      }
    };
    go(0, []);
    return out;
  };

  it('gives every cut the rules allow, in order, without making the pieces it tries', () => {
    // cutRun reads a run of digits digit by digit (and its last piece without slicing it): the
    // splits must be exactly those of cutting the text into strings and reading each one.
    fc.assert(fc.property(fc.stringMatching(/^[0-9]{2,14}$/), fc.integer({ min: 2, max: 7 }), fc.boolean(), (digits, cells, amountLast) => {
      fc.pre(digits.length >= cells);
      const src = makeSource([digits]);
      const tokens = zoneTokens(src, 0, src.text.length);
      const rules = Array.from({ length: cells }, (_, i) => (amountLast && i === cells - 1 ? AMOUNT : COUNT));
      const got = splitZone(tokens, rules);
      expect(got.overflow).toBe(false);
      expect(got.splits.map((sp) => sp.cells.map((c) => c.value))).toEqual(cuts(digits, cells, amountLast));
      // Each cell keeps its own digits and offset.
      for (const sp of got.splits) {
        expect(sp.cells.map((c) => c.text).join('')).toBe(digits);
        expect(sp.cells.map((c) => c.start)).toEqual(sp.cells.map((_c, i) => sp.cells.slice(0, i).reduce((n, c) => n + c.text.length, 0)));
      }
    }), { seed: SEED, numRuns: 400 });
  });
});

describe('slashBetweenDigits', () => {
  it('passes every text the page-number pattern it guards can match', () => {
    // makeSource skips the pass of `^\s*\d{1,3}\s*\/\s*\d{1,3}\s*$` (gm) over text this refuses.
    const re = /^\s*\d{1,3}\s*\/\s*\d{1,3}\s*$/m;
    const text = fc.string({ unit: fc.constantFrom('1', '2', '0', '/', ' ', '\n', '\r', '\u2028', '\u3000', '\t', 'a', '年', '|'), maxLength: 16 });
    fc.assert(fc.property(text, (t) => { if (re.test(t)) expect(slashBetweenDigits(t)).toBe(true); }), { seed: SEED, numRuns: 20000 });
    expect(slashBetweenDigits('3 / 12')).toBe(true);
    expect(slashBetweenDigits('日期 2024/01/24\n| / | 3 |')).toBe(false);
  });
});

describe('findTitle', () => {
  it('finds the title that trying every line in turn finds, passing over lines with no 报 within reach', () => {
    // Titles whole, wrapped over two or three lines, wrapped inside the agency's name; lines with 报
    // that are no title; lines without it. findTitle skips a line when none of it and the two
    // after holds 报; the plain search tries them all.
    const line = fc.constantFrom(
      '平潭综合实验区财政金融局2021年度政府信息公开工作年度报告', 'XX街道 2019 年政府信息公开 工', '作年度报告',
      'XX自然资源与生态环境', '局 2019 年政府信息公开年度报告', 'XX财政金融局 2020 年', '度政府信息公开工作年度报告',
      '本报告根据《条例》编制。', '一、总体情况', '2021年,我局认真贯彻落实', '', '   ', '标题: 报告', '# 2022年政府信息公开年报',
      '| 李集街道2023年政府信息公开工作年度报告 |', 'XX街道 2019 年政府信息公开', '工作', '年度报告', '关于印发政府信息公开工作年度报告格式的通知', '报', '政府信息公开', '2023年',
    );
    fc.assert(fc.property(fc.array(line, { maxLength: 70, size: 'max' }), fc.nat(4), (lines, start) => {
      const from = Math.min(start, lines.length);
      const clean = cleaner(lines, from);
      let plain: ReturnType<typeof titleAt> = null;
      for (let i = from; i < Math.min(lines.length, from + 60) && !plain; i++) plain = titleAt(lines, i, clean);
      expect(findTitle(lines, from)).toEqual(plain);
    }), { seed: SEED, numRuns: 3000 });
  });
});

describe('firstSubject', () => {
  it('finds in the head of a long line what it finds in the whole line', () => {
    // Subjects whole and in pieces, spaces (the head is compacted), text between.
    const piece = fc.constantFrom('谢家垭乡人民政府', '认真', '深入', '2021年,', ',', '。', ' ', '  ', '\t', '街道办事处', '积极',
      '门户网站', '省人民政府', '平潭综合实验区', '以', '在', '公开', '(', '“', ',谢家垭乡人民政府认真', '。平潭 综合实验区街道办事处积极',
      '2021年,谢家垭乡 人民政府深入', ',省人民政府认真', '本报告根据条例编制', '政府信息公开工作');
    let fromHead = 0;
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 60, size: 'max' }), fc.integer({ min: 8, max: 200 }), (parts, head) => {
      const l = parts.join('');
      const whole = firstSubject(l, () => compact(l), Infinity);
      let compacted = false;
      const fast = firstSubject(l, () => { compacted = true; return compact(l); }, head);
      if (!compacted) fromHead++;
      expect(fast?.[0]).toBe(whole?.[0]);
      expect(fast?.[1]).toBe(whole?.[1]);
      expect(fast?.index).toBe(whole?.index);
    }), { seed: SEED, numRuns: 5000 });
    // The head alone answered often enough for the comparison to mean something.
    expect(fromHead).toBeGreaterThan(500);
  });
});

describe('runsIn', () => {
  it('gives the digit runs that reading every token gives', () => {
    const text = fc.array(fc.constantFrom('12', '0', '—', '无', '规章', '|', ' ', '\n', '本年新收', '5件', '(1)', '2.其他', '-'), { maxLength: 14 })
      .map((p) => p.join(''));
    fc.assert(fc.property(text, fc.nat(20), fc.nat(20), (t, a, b) => {
      const src = makeSource(t.split('\n'));
      const from = Math.min(a, src.text.length), to = Math.min(src.text.length, from + b);
      expect(runsIn(src, from, to)).toEqual(zoneTokens(src, from, to).filter((tok) => tok.kind === 'run'));
    }), { seed: SEED, numRuns: 3000 });
  });
});

describe('appTableCount', () => {
  it('counts what the pattern it stands for matches', () => {
    const re = /一、?本年新收政府信息公开申请数量/g;
    const piece = fc.constantFrom('一', '、', '本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数量', '二', '年', '1');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
      const s = parts.join('');
      expect(appTableCount(s)).toBe((s.match(re) ?? []).length);
    }), { seed: SEED, numRuns: 3000 });
  });
});

describe('normalize', () => {
  it('keeps every ASCII character and CJK ideograph, after a character it changes', () => {
    // The loop after the first changed character keeps these as they are: none of them may be one it changes.
    for (let c = 0; c < 0x10000; c++) {
      if (!(c < 0xa0 || (c >= 0x4e00 && c <= 0x9fff))) continue;
      const ch = String.fromCharCode(c);
      expect(normalize(`，${ch}`)).toBe(`,${ch}`);
    }
  });

  it('changes full-width forms and odd spaces anywhere in a line', () => {
    expect(normalize('申请（一）１２３件\u3000合计：\u00a0５')).toBe('申请(一)123件 合计: 5');
    expect(normalize('a\u200bb\ufeffc')).toBe('abc');
  });
});

describe('matchesOf', () => {
  it('finds what matchAll finds', () => {
    const patterns = [/(20\d\d)\s*年/g, /第二十条(?:第)?\(?[一二三四五六七八九十]+\)?项?/g, /\d+/g, /a*/g];
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('2', '0', '1', '9', '年', ' ', 'a', '第', '二', '十', '条', '(', '一', ')', '项') }), (s) => {
      for (const re of patterns) {
        const got = matchesOf(re, s).map((m) => [m.index, m[0], m[1]]);
        const want = [...s.matchAll(re)].map((m) => [m.index, m[0], m[1]]);
        expect(got).toEqual(want);
        expect(re.lastIndex).toBe(0);
      }
    }), { seed: SEED, numRuns: 300 });
  });
});

describe('makeSource line starts', () => {
  it('are where each line starts in the text, with or without the joined text given', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', '一', ' ', '|', '\t', '-', '1', '\u200b', '*') }), { minLength: 1, maxLength: 12 }), (lines) => {
      const joined = lines.join('\n');
      for (const src of [makeSource(lines), makeSource(lines, joined)]) {
        const starts = [0];
        for (let i = src.text.indexOf('\n'); i >= 0; i = src.text.indexOf('\n', i + 1)) starts.push(i + 1);
        expect(src.lineStarts).toEqual(starts);
        expect(src.text.length).toBe(src.raw.length);
      }
    }), { seed: SEED, numRuns: 300 });
  });
});

describe('mapArray', () => {
  it('gives what Array.prototype.map gives, index included', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null))), (a) => {
      const f = (x: unknown, i: number) => [x, i];
      expect(mapArray(a, f)).toEqual(a.map(f));
    }), { seed: SEED, numRuns: 300 });
  });

  // Why it exists: in V8 the optimised (TurboFan) Array.prototype.map makes a
  // holey array where the unoptimised builtin makes a packed one. mapArray's
  // arrays keep one shape in every tier. Checked in a child Node with V8's
  // natives syntax, so the test sees the real compiler, not a model of it.
  it('makes arrays of one shape before and after its caller is optimised', () => {
    const mod = fileURLToPath(new URL('../src/lib/parse/map-array.ts', import.meta.url));
    const script = `
      const { mapArray } = await import(${JSON.stringify(mod)});
      const viaPush = (a) => mapArray(a, (x) => x + 1);
      const viaMap = (a) => a.map((x) => x + 1);
      const out = {};
      for (const [name, f] of [['push', viaPush], ['map', viaMap]]) {
        const before = f([1, 2, 3]);
        %PrepareFunctionForOptimization(f);
        for (let i = 0; i < 5; i++) f([1, 2, 3]);
        %OptimizeFunctionOnNextCall(f);
        const after = f([1, 2, 3]);
        out[name] = { turbofan: (%GetOptimizationStatus(f) & 64) !== 0,
          same: %HaveSameMap(before, after), holey: %HasHoleyElements(after) };
      }
      console.log(JSON.stringify(out));`;
    const out = JSON.parse(execFileSync(process.execPath,
      ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' }));
    expect(out.push).toEqual({ turbofan: true, same: true, holey: false });
    // The builtin's behaviour, recorded: if a V8 release stops making holey
    // arrays here, this fails and mapArray may be dropped.
    expect(out.map.turbofan && !out.map.same && out.map.holey).toBe(true);
  });

  it('stands for every .map( in the parser', () => {
    const dir = fileURLToPath(new URL('../src/lib/parse/', import.meta.url));
    const uses = readdirSync(dir).filter((f) => f.endsWith('.ts')).flatMap((f) =>
      readFileSync(dir + f, 'utf8').split('\n').flatMap((l, i) =>
        /^\s*(\/\/|\*)/.test(l) || !/\.map\(/.test(l) ? [] : [`${f}:${i + 1}`]));
    expect(uses).toEqual([]);
  });
});
