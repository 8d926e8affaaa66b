/**
 * Word files that cannot be read fail with a Chinese reason saying what is
 * wrong (never a stack trace, never numbers), and the build goes on.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { Document, ImageRun, Packer, Paragraph } from 'docx';
import { parseInput } from '../src/lib/parse/report.ts';
import { loadTruth, reportDocx } from './fixtures/word/real-report.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/word/${name}`, import.meta.url)));

async function failure(bytes: Uint8Array, file: string) {
  const { report: r } = await parseInput(bytes, file);
  expect(r.status).toBe('failed');
  expect(r.applications).toEqual([]);
  expect(r.active_disclosure).toEqual([]);
  expect(r.error).toMatch(/[\u4e00-\u9fff]/);
  expect(r.error).not.toMatch(/\n\s+at |Error:/);
  expect(r.checks).toEqual([{ check: 'tables_found', passed: false, detail: r.error, cause: 'source' }]);
  return r.error!;
}

/** A real 1×1 PNG (one grey pixel). */
function png(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))), chunk('IEND', new Uint8Array())]);
}

describe('.docx that cannot be read', () => {
  it('a truncated file (download cut short) says the ZIP package is incomplete', async () => {
    const whole = await reportDocx('pingtan-czj-2022');
    expect(await failure(whole.slice(0, Math.floor(whole.length / 2)), 'cut.docx')).toMatch(/^Word 文件\(\.docx\)不完整或已损坏/);
  });
  it('a ZIP without word/document.xml says there is no Word body in it', async () => {
    const zip = await JSZip.loadAsync(await reportDocx('pingtan-czj-2022'));
    zip.remove('word/document.xml');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(await failure(bytes, 'no-body.docx')).toContain('没有 Word 正文(word/document.xml)');
  });
  it('a password-protected .docx (an encrypted CFB package) says it is encrypted', async () => {
    expect(await failure(fixture('encrypted.docx'), 'encrypted.docx')).toContain('设有打开密码');
  });
  it('a document holding only a picture (a scan) says there is no text, OCR needed', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph({ children: [
      new ImageRun({ type: 'png', data: png(), transformation: { width: 600, height: 800 } }),
    ] })] }] });
    expect(await failure(new Uint8Array(await Packer.toBuffer(doc)), 'scan.docx')).toContain('需要 OCR');
  });
  it('text with the tables pasted as pictures: the tables are not found, and the reason counts the pictures, OCR needed', async () => {
    const doc = new Document({ sections: [{ children: [
      new Paragraph('某某县人民政府2024年政府信息公开工作年度报告'),
      new Paragraph('一、总体情况'),
      new Paragraph('本机关认真贯彻落实《条例》，主动公开政府信息。'),
      new Paragraph({ children: [new ImageRun({ type: 'png', data: png(), transformation: { width: 600, height: 300 } })] }),
      new Paragraph({ children: [new ImageRun({ type: 'png', data: png(), transformation: { width: 600, height: 300 } })] }),
    ] }] });
    const { report: r } = await parseInput(new Uint8Array(await Packer.toBuffer(doc)), 'pictures.docx');
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/^未找到表格/);
    expect(r.error).toContain('表格可能印在图片中（Word 文件中有 2 张图片），需要 OCR');
    // without pictures the reason is the tables' own
    const plain = new Document({ sections: [{ children: [new Paragraph('某某县人民政府2024年政府信息公开工作年度报告'), new Paragraph('一、总体情况')] }] });
    const { report: p } = await parseInput(new Uint8Array(await Packer.toBuffer(plain)), 'plain.docx');
    expect(p.error).toMatch(/^未找到表格/);
    expect(p.error).not.toContain('OCR');
  });
});

describe('.doc that cannot be read', () => {
  it('a truncated Word 97-2003 file says it is incomplete or damaged', async () => {
    const whole = fixture('pingtan-jjp-2024.doc');
    expect(await failure(whole.slice(0, 4096), 'cut.doc')).toMatch(/^Word 97-2003 文件\(\.doc\)/);
  });
  it('a password-protected .doc (fEncrypted) says it is encrypted', async () => {
    expect(await failure(fixture('encrypted.doc'), 'encrypted.doc')).toContain('设有打开密码');
  });
});

it('a Word 97-2003 file named .docx is still read as what it is', async () => {
  const { report: r } = await parseInput(fixture('pingtan-jjp-2024.doc'), 'misnamed.docx');
  expect(r.encoding).toBe('doc');
  expect(r.status).not.toBe('failed');
  const total = r.applications.find((a) => a.row === 'new_received' && a.applicant === 'total')?.value;
  expect(total).toBe(loadTruth('pingtan-jjp-2024').applications.new_received![6]);
});
