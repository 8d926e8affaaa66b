/** Line sink that remembers on which (1-based) line each truth key was printed. */
export class Out {
  readonly lines: string[] = [];
  readonly keyLine = new Map<string, number>();
  push(text: string, keys?: (string | undefined)[]): void {
    this.lines.push(text);
    if (keys) for (const k of keys) if (k) this.keyLine.set(k, this.lines.length);
  }
}

/** Layouts we imagined (the first five) and layouts seen in real reports (the last four). */
export type LayoutName = 'lines' | 'pipe' | 'pipecell' | 'tabs' | 'html' | 'crawl' | 'pdftext' | 'markdown' | 'cms';
