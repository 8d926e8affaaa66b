/**
 * HTML cleaning is linear (src/lib/parse/html.ts): pages full of unclosed
 * `<script>`, `<style>`, `<!--`, `<table>`, `<` without `>` or deeply nested
 * tables finish (the old patterns rescanned the rest of the page from each one:
 * 12 s for 1.3 MB, hours for these), and a report behind such junk is still read.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { htmlToText } from '../src/lib/parse/html.ts';
import { parseFile } from '../src/lib/parse/report.ts';

const MB3 = 3 * 1024 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(MB3 / unit.length));

describe('htmlToText on hostile pages', () => {
  for (const [name, unit] of [
    ['unclosed <script>', '<script>var a=1;'], ['unclosed <style>', '<style>p{}'], ['unclosed <!--', '<!-- x '],
    ['unclosed <table>', '<table><tr><td>1'], ['< without >', '<p class=x '], ['<< runs', '<<x'], ['<nav> and <form>', '<nav><form>a'],
  ] as const) {
    it(`finishes on 3 MB of ${name}`, () => {
      const out = htmlToText(`<html><body>${fill(unit)}</body></html>`);
      expect(out.length).toBeLessThanOrEqual(MB3 * 2);
    });
  }

  it('finishes on tables nested 100,000 deep', () => {
    const out = htmlToText('<html><body>' + '<table><tr><td>'.repeat(100_000) + '1' + '</td></tr></table>'.repeat(100_000));
    expect(out).toContain('1');
  });

  it('finishes on a cell of a million spaces', () => {
    expect(htmlToText(`<table><tr><td>a${' '.repeat(1_000_000)}b</td></tr></table>`).trim()).toBe('a b');
  });

  it('still reads the report after 1 MB of unclosed scripts, styles and comments', () => {
    const lines = readFileSync('data/seeds/001_dab5396a0471019a.txt', 'utf8').split('\n');
    const body = lines.map((l) => (l.includes(' | ') ? `<table><tr>${l.split('|').map((c) => `<td>${c.trim()}</td>`).join('')}</tr></table>` : `<p>${l}</p>`)).join('\n');
    const junk = '<script>x<style>y<!--z'.repeat(50_000);
    const { report } = parseFile(Buffer.from(`<html><head><title>t</title></head><body>${body}${junk}</body></html>`), 'x.html');
    expect(report.agency).toBe('咸安区人民政府');
    expect(report.applications.find((a) => a.row === 'new_received' && a.applicant === 'total')?.value).toBe(97);
  });
});

describe('entities in table cells are text, never markup', () => {
  it('a cell printing `&lt;5万元` keeps it, and the text after the table survives', () => {
    const out = htmlToText('<div><table><tr><td>&lt;5万元</td><td>7</td></tr></table>后文<b>粗</b>尾</div>');
    expect(out).toContain('<5万元\t7');
    expect(out).toContain('后文粗尾');
  });
  it('control-character entities (`&#1;`, `&#2;`) and control characters add no line or cell', () => {
    expect(htmlToText('<table><tr><td>&#1;x&#2;y</td></tr></table>').trim()).toBe('xy');
    expect(htmlToText('<table><tr><td>x\u0002y\u0001z</td></tr></table>').trim()).toBe('xyz');
  });
  it('a cell is decoded once, as a paragraph is: `&amp;lt;` is `&lt;`', () => {
    expect(htmlToText('<p>A&amp;lt;B</p><table><tr><td>A&amp;lt;B</td><td>1</td></tr></table>').split('\n').filter(Boolean))
      .toEqual(['A&lt;B', 'A&lt;B\t1']);
  });
});
