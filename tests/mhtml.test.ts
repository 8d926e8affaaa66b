/**
 * Web pages saved as one file (MHTML, `.mhtml` / `.mht`): the committed
 * fixtures are Chromium's own snapshots of saved pages in
 * tests/fixtures/external/ (made by make-mhtml.ts there), one served in GBK;
 * an IE-style `.mht` (base64, a charset on the part) is built here. Each must
 * give exactly the values of the page it was saved from.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { parseInput } from '../src/lib/parse/report.ts';
import { sniff } from '../src/lib/input/index.ts';
import type { Report } from '../src/lib/types.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/external/${name}`, import.meta.url));
const values = (r: Report) => [r.active_disclosure, r.applications, r.reviews].map((t) => t.map((x) => x.value));
const read = async (bytes: Uint8Array, name: string) => (await parseInput(bytes, name)).report;

describe('MHTML saved pages', () => {
  it('a Chromium snapshot (quoted-printable UTF-8) gives the values of the page, and its address', async () => {
    const page = await read(fixture('shuyang-fgj-2023.html'), 'shuyang-fgj-2023.html');
    const saved = await read(fixture('shuyang-fgj-2023.mhtml'), 'shuyang-fgj-2023.mhtml');
    expect(saved.encoding).toBe('mhtml');
    expect(values(saved)).toEqual(values(page));
    expect(values(saved).flat().filter((v) => v !== null).length).toBeGreaterThan(70);
    expect([saved.agency, saved.year, saved.status]).toEqual([page.agency, page.year, page.status]);
    expect(saved.source_url).toBe('http://www.shuyang.gov.cn/sygfj/gknb/202401/2ecfb31a335f4d689220a3a23e24a986.shtml');
  });

  it('a page served in GBK, kept in GBK under a bare text/html, is decoded by its declared charset', async () => {
    const page = await read(fixture('hangzhou-style-fixture-2025.html'), 'page.html');
    const saved = await read(fixture('hangzhou-style-fixture-2025-gbk.mhtml'), 'page.mhtml');
    expect(fixture('hangzhou-style-fixture-2025-gbk.mhtml').toString('latin1')).toMatch(/charset=3DGBK/);
    expect(saved.agency).toBe(page.agency);
    expect(values(saved)).toEqual(values(page));
    expect(saved.status).toBe(page.status);
  });

  it('an IE-style .mht (base64, charset="gb2312" on the part, CRLF) gives the same values', async () => {
    const html = fixture('hangzhou-style-fixture-2025.html').toString('utf8').replace(/<meta charset="utf-8">/i, '');
    const body = iconv.encode(html, 'gb2312').toString('base64').replace(/.{76}/g, '$&\r\n');
    const mht = [
      'From: <Saved by Windows Internet Explorer 11>', 'Subject: report', 'MIME-Version: 1.0',
      'Content-Type: multipart/related;', '\ttype="text/html";', '\tboundary="----=_NextPart_000_0000_01DA0000.00000000"', '',
      'This is a multi-part message in MIME format.', '',
      '------=_NextPart_000_0000_01DA0000.00000000', 'Content-Type: text/html;', '\tcharset="gb2312"',
      'Content-Transfer-Encoding: base64', 'Content-Location: https://www.example.gov.cn/art/2025/1/20/art_1.html', '',
      body, '', '------=_NextPart_000_0000_01DA0000.00000000--', '',
    ].join('\r\n');
    const bytes = new TextEncoder().encode(mht);
    expect(sniff(bytes, 'report.mht')).toBe('mhtml');
    const page = await read(fixture('hangzhou-style-fixture-2025.html'), 'page.html');
    const saved = await read(bytes, 'report.mht');
    expect(values(saved)).toEqual(values(page));
    expect(saved.agency).toBe(page.agency);
    expect(saved.source_url).toBe('https://www.example.gov.cn/art/2025/1/20/art_1.html');
  });

  it('an archive without a page fails with the reason; a report that only mentions MIME headers is text', async () => {
    const noPage = new TextEncoder().encode('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n');
    const r = await read(noPage, 'x.mht');
    expect(r.status).toBe('failed');
    expect(r.error).toContain('没有网页');
    const text = new TextEncoder().encode('某某局2024年政府信息公开工作年度报告\n正文提到 MIME-Version: 1.0 与 Content-Type: text/html。\n');
    expect(sniff(text, 'report.txt')).toBe('text');
  });
});
