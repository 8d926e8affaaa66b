/**
 * Row ends of wide tables in Word 97-2003 files, which word-extractor 1.0.4 misses.
 *
 * In a .doc file the cell mark and the row-end mark are the same character (7);
 * a row end is a paragraph whose properties (PAPX) hold sprmPFTtp (0x2417).
 * word-extractor reads the PAPX from its FKP page and turns a row end into a
 * line break. But a PAPX too large for its page lives in the Data stream, the
 * page holding only sprmPHugePapx (0x6646) with its offset — and the row-end
 * PAPX grows with every cell's definition, so Word and LibreOffice store it
 * there for wide rows (the 10-column application table, the 15-column review
 * table). word-extractor does not follow 0x6646, so those rows ran on in one
 * line. `patchWordExtractor` adds the missing step to word-extractor's OLE
 * reader: after its own pass, row ends found through 0x6646 become line breaks
 * the same way. Without it the .doc fixtures' application tables are one line.
 */
import { createRequire } from 'node:module';

interface Piece { startFilePos: number; size: number; bpc: number; text: string }
interface OleExtractor {
  _pieces: Piece[];
  _hugePapx?: Buffer | null;
  streamBuffer(stream: unknown): Promise<Buffer>;
}
type Proto = OleExtractor & {
  extractWordDocument(this: OleExtractor, document: { stream(name: string): unknown }, buffer: Buffer): Promise<unknown>;
  writeParagraphProperties(this: OleExtractor, buffer: Buffer, tableBuffer: Buffer): void;
};

const SPRM_HUGE_PAPX = 0x6646;
const SPRM_TTP = 0x2417;
const SPRM_TDEF_TABLE = 0xd608;

/** Does this grpprl (sprm list) hold sprmPFTtp set to true? */
export function hasRowEnd(grpprl: Buffer, from = 0): boolean {
  let o = from;
  while (o + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(o);
    o += 2;
    if (sprm === SPRM_TTP) return grpprl[o] !== 0;
    o += operandSize(grpprl, o, sprm);
  }
  return false;
}

/** Bytes of a sprm's operand (MS-DOC 2.2.5.1, with sprmTDefTable's two-byte size). */
function operandSize(b: Buffer, o: number, sprm: number): number {
  switch (sprm >> 13) {
    case 0: case 1: return 1;
    case 2: case 4: case 5: return 2;
    case 3: return 4;
    case 7: return 3;
    default: return sprm === SPRM_TDEF_TABLE ? (o + 2 <= b.length ? b.readUInt16LE(o) + 1 : b.length) : (b[o] ?? 0) + 1;
  }
}

/** File ranges [start, end) of the row-end paragraphs whose PAPX is in the Data stream. */
export function hugeRowEnds(word: Buffer, table: Buffer, data: Buffer): [number, number][] {
  const out: [number, number][] = [];
  const fc = word.readUInt32LE(0x0102);
  const lcb = word.readUInt32LE(0x0106);
  const n = (lcb - 4) / 8;
  if (!Number.isInteger(n) || n <= 0 || fc + lcb > table.length) return out;
  const plc = table.subarray(fc, fc + lcb);
  for (let i = 0; i < n; i++) {
    const page = plc.readUInt32LE((n + 1) * 4 + i * 4);
    const fkp = word.subarray(page * 512, page * 512 + 512);
    if (fkp.length < 512) continue;
    const runs = fkp[511];
    for (let j = 0; j < runs; j++) {
      const at = fkp[(runs + 1) * 4 + j * 13] * 2;
      if (at === 0) continue;
      // PapxInFkp: cb (words, minus one byte), or 0 and then cb' (words).
      const grpprl = fkp[at] !== 0 ? fkp.subarray(at + 1, at + 2 * fkp[at]) : fkp.subarray(at + 2, at + 2 + 2 * fkp[at + 1]);
      // istd (2 bytes), then sprmPHugePapx with a 4-byte offset into Data.
      if (grpprl.length < 8 || grpprl.readUInt16LE(2) !== SPRM_HUGE_PAPX) continue;
      const off = grpprl.readUInt32LE(4);
      if (off + 2 > data.length) continue;
      const size = data.readUInt16LE(off);
      if (hasRowEnd(data.subarray(off + 2, off + 2 + size))) out.push([fkp.readUInt32LE(j * 4), fkp.readUInt32LE((j + 1) * 4)]);
    }
  }
  return out;
}

/** word-extractor's own way of marking a file range: its characters become `ch`. */
function fillByFilePos(pieces: Piece[], start: number, end: number, ch: string): void {
  for (const p of pieces) {
    const from = Math.max(start, p.startFilePos);
    const to = Math.min(end, p.startFilePos + p.size);
    if (from >= to) continue;
    const a = (from - p.startFilePos) / p.bpc;
    const b = (to - p.startFilePos) / p.bpc;
    p.text = p.text.slice(0, a) + ch.repeat(b - a) + p.text.slice(b);
  }
}

let patched = false;

/** Teach word-extractor's OLE reader the row ends behind sprmPHugePapx (once per process). */
export function patchWordExtractor(): void {
  if (patched) return;
  patched = true;
  const require = createRequire(import.meta.url);
  const proto = require('word-extractor/lib/word-ole-extractor.js').prototype as Proto;
  const { extractWordDocument, writeParagraphProperties } = proto;
  if (typeof extractWordDocument !== 'function' || typeof writeParagraphProperties !== 'function') return;
  proto.extractWordDocument = function (document, buffer) {
    // A file without a Data stream reads as an empty one.
    return Promise.resolve().then(() => this.streamBuffer(document.stream('Data'))).catch(() => null).then((data) => {
      this._hugePapx = data;
      return extractWordDocument.call(this, document, buffer);
    });
  };
  proto.writeParagraphProperties = function (buffer, tableBuffer) {
    writeParagraphProperties.call(this, buffer, tableBuffer);
    if (!this._hugePapx?.length) return;
    for (const [start, end] of hugeRowEnds(buffer, tableBuffer, this._hugePapx)) fillByFilePos(this._pieces, start, end, '\n');
  };
}
