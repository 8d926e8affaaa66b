/**
 * pdf.js (pdfjs-dist, legacy build: the one meant for Node) loaded once, on
 * first use, with the resources it ships: the predefined Adobe CMaps
 * (UniGB-UCS2-H, GBK-EUC-H … — without them a CID font that has no ToUnicode
 * map yields no text at all), the standard fonts and the wasm decoders.
 * Nothing is fetched: in Node pdf.js reads these folders with `fs`.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type { PdfJs };

let loading: Promise<typeof PdfJs> | null = null;

/** The pdf.js module; its worker runs on this thread (pdf.js has no Web Worker in Node). */
export function loadPdfJs(): Promise<typeof PdfJs> {
  loading ??= (async () => {
    // Handing pdf.js its worker module up front avoids its import by relative URL.
    const worker = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import(/* @vite-ignore */ worker);
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

/** Folders (with a trailing separator, as pdf.js requires) of what pdfjs-dist ships. */
export function resourceDirs(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: join(root, 'cmaps') + sep,
    standardFontDataUrl: join(root, 'standard_fonts') + sep,
    wasmUrl: join(root, 'wasm') + sep,
  };
}
