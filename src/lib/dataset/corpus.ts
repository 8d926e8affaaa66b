/**
 * The corpus folder as a list of inputs, each accounted for: a regular file to
 * read, or an entry that is not read, with the reason (Chinese, shown to users).
 *
 * Nothing outside the corpus folder is ever read: symbolic links (to files or
 * folders, inside or outside the corpus, dangling or looping) are never
 * followed, and FIFOs, sockets and device nodes are never opened. A file is
 * opened with O_NOFOLLOW | O_NONBLOCK and checked again on the open
 * descriptor, so a file swapped for a link or a FIFO after listing is refused
 * too. Names are read as bytes (see names.ts).
 *
 * Files that belong with a corpus but are not reports (hidden files and
 * folders, READMEs, the provenance list SOURCES.tsv, the generator's
 * `*.truth.json`) are listed as `skipped`, with why; a hidden folder once,
 * without walking into it.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, type Stats } from 'node:fs';
import { sep } from 'node:path';
import { recordName } from './names.ts';

export interface CorpusEntry {
  /** The name as recorded in the manifest: corpus-relative, `/`-separated (see names.ts). */
  file: string;
  /** The corpus-relative path as raw bytes (`/`-separated): what report ids are made from. */
  raw: Buffer;
  /** Absolute path as raw bytes, for opening. */
  abs: Buffer;
  /** `read`: a regular file; `failed` / `skipped`: not read, see `reason`. */
  status: 'read' | 'failed' | 'skipped';
  reason?: string;
  /** Size in bytes and modification time (regular files). */
  size?: number;
  mtimeMs?: number;
  /** Set when the name is not valid UTF-8: how it was recorded. */
  name_note?: string;
}

/** Why a non-regular entry is not read; null for a regular file or folder. */
function specialReason(st: Stats): string | null {
  if (st.isFIFO()) return '命名管道(FIFO),不是普通文件,未读取';
  if (st.isSocket()) return '套接字文件,不是普通文件,未读取';
  if (st.isCharacterDevice() || st.isBlockDevice()) return '设备文件,不是普通文件,未读取';
  if (!st.isFile() && !st.isDirectory()) return '不是普通文件,未读取';
  return null;
}

/** Why a file or folder that is not a report is skipped; null for anything to read. */
export function skipReason(name: string, isDir: boolean): string | null {
  if (name.startsWith('.')) return isDir ? '隐藏文件夹(名称以 . 开头),其中的文件未读取' : '隐藏文件(名称以 . 开头),不是报告,未读取';
  if (isDir) return null;
  if (/^readme/i.test(name)) return '说明文件(README),不是报告,未读取';
  if (/^sources\.tsv$/i.test(name)) return '报告来源清单(SOURCES.tsv:各报告的原始出处),不是报告,未读取';
  if (/\.truth\.json$/i.test(name)) return '生成器写出的真值文件(*.truth.json),不是报告,未读取';
  return null;
}

const SLASH = Buffer.from('/');

/** A link's reason: where it points, as far as can be said without following it. */
function linkReason(abs: Buffer, rootReal: string): string {
  let target: string;
  try {
    target = realpathSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return '符号链接形成循环,未读取';
    if (code === 'ENOENT' || code === 'ENOTDIR') return '符号链接指向不存在的文件,未读取';
    return `符号链接无法解析(${code ?? '未知错误'}),未读取`;
  }
  if (target === rootReal || target.startsWith(rootReal + sep)) {
    return `符号链接(指向语料目录内的 ${target.slice(rootReal.length + 1).split(sep).join('/') || '.'}),未读取:链接不会被跟随,请直接放入文件本身`;
  }
  return '符号链接指向语料目录之外,未读取(构建只读取语料目录中的普通文件)';
}

/** Every entry under `dir` (recursive), in byte order of the path: files to read, and what is not read, with why. */
export function listCorpus(dir: string): CorpusEntry[] {
  const rootReal = realpathSync(dir);
  const out: CorpusEntry[] = [];
  const walk = (absDir: Buffer, relDir: Buffer | null) => {
    let names: Buffer[];
    try {
      names = readdirSync(absDir, { encoding: 'buffer' });
    } catch (e) {
      if (relDir) out.push(entry(relDir, absDir, 'failed', `无法读取目录:${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
      else throw e;
      return;
    }
    names.sort(Buffer.compare);
    for (const name of names) {
      const abs = Buffer.concat([absDir, SLASH, name]);
      const rel = relDir ? Buffer.concat([relDir, SLASH, name]) : name;
      let st: Stats;
      try {
        st = lstatSync(abs);
      } catch (e) {
        out.push(entry(rel, abs, 'failed', `无法读取文件信息:${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
        continue;
      }
      if (st.isSymbolicLink()) { out.push(entry(rel, abs, 'failed', linkReason(abs, rootReal))); continue; }
      const special = specialReason(st);
      if (special) { out.push(entry(rel, abs, 'failed', special)); continue; }
      const skip = skipReason(name.toString('utf8'), st.isDirectory());
      if (skip) { out.push(entry(rel, abs, 'skipped', skip)); continue; }
      if (st.isDirectory()) walk(abs, rel);
      else out.push({ ...entry(rel, abs, 'read'), size: st.size, mtimeMs: st.mtimeMs });
    }
  };
  walk(Buffer.from(rootReal), null);
  return out;
}

function entry(raw: Buffer, abs: Buffer, status: CorpusEntry['status'], reason?: string): CorpusEntry {
  const { name, note } = recordName(raw);
  return { file: name, raw, abs, status, ...(reason ? { reason } : {}), ...(note ? { name_note: note } : {}) };
}

export type ReadResult = { bytes: Uint8Array } | { error: string };

/**
 * Read a listed regular file, refusing anything that is no longer one
 * (swapped for a link, FIFO or device since listing) or that resolves outside
 * the corpus. `limit(head, size)` returns a reason to refuse a file by its
 * first bytes and size (e.g. too large for its kind), or null to read it all.
 */
export function readEntry(e: CorpusEntry, rootDir: string, limit?: (head: Uint8Array, size: number) => string | null): ReadResult {
  let fd: number;
  try {
    fd = openSync(e.abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { error: '读取时文件已变成符号链接,未读取' };
    return { error: `无法读取文件:${code ?? (err as Error).message}` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { error: specialReason(st) ?? '读取时已不是普通文件,未读取' };
    const where = openedPath(fd);
    const rootReal = realpathSync(rootDir);
    if (where !== null && where !== rootReal && !where.startsWith(rootReal + sep)) return { error: '文件位于语料目录之外,未读取' };
    const head = new Uint8Array(Math.min(st.size, 4096));
    const h = head.length ? readSync(fd, head, 0, head.length, 0) : 0;
    const refused = limit?.(head.subarray(0, h), st.size);
    if (refused) return { error: refused };
    const buf = Buffer.allocUnsafe(st.size);
    let n = 0;
    while (n < st.size) {
      const k = readSync(fd, buf, n, st.size - n, n);
      if (k === 0) break;
      n += k;
    }
    return { bytes: buf.subarray(0, n) };
  } catch (err) {
    return { error: `无法读取文件:${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  } finally {
    closeSync(fd);
  }
}

/** Where an open descriptor really is (Linux: /proc/self/fd), or null where that cannot be asked. */
function openedPath(fd: number): string | null {
  try { return readlinkSync(`/proc/self/fd/${fd}`); } catch { return null; }
}
