/**
 * Picture downloads of the build-time charts (components/Chart.astro): one
 * standalone SVG with the chart's title, legend and source drawn in, and a
 * PNG of the same at twice the size. The buttons are hidden until this
 * script runs (the CSV link works without it).
 */
import { saveBlob } from './save.ts';

const FONT = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
const PAD = 12;
const TEXT = '#1d232b';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Approximate width of a text at `size` px: CJK characters are square, others about half. */
function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? size : size * 0.58;
  return w;
}

/** Splits `s` into lines no wider than `width` at `size` px. */
function wrap(s: string, width: number, size: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of s) {
    if (line && textWidth(line + ch, size) > width) { out.push(line); line = ''; }
    line += ch;
  }
  if (line) out.push(line);
  return out;
}

/** The standalone SVG of one figure.chart: title, legend, the chart, source. */
export function chartSvg(fig: HTMLElement): { svg: string; width: number; height: number } {
  const plot = fig.querySelector<SVGSVGElement>('.chart-plot svg')!;
  const vb = plot.viewBox.baseVal;
  const w = vb && vb.width ? vb.width : plot.width.baseVal.value;
  const h = vb && vb.height ? vb.height : plot.height.baseVal.value;
  const width = w + 2 * PAD;
  const parts: string[] = [];
  let y = PAD;
  for (const line of wrap(fig.dataset.title ?? '', w, 15)) {
    y += 18;
    parts.push(`<text x="${PAD}" y="${y}" font-size="15" font-weight="700">${esc(line)}</text>`);
  }
  y += 6;
  // Legend: swatches and labels flowing in rows.
  const items = [...fig.querySelectorAll<HTMLElement>('.chart-legend li')];
  if (items.length) {
    let x = PAD;
    y += 14;
    for (const li of items) {
      const label = li.textContent?.trim() ?? '';
      const iw = 20 + textWidth(label, 12) + 12;
      if (x > PAD && x + iw > width - PAD) { x = PAD; y += 18; }
      const c = esc(li.dataset.color ?? '#888');
      parts.push(li.dataset.kind === 'line'
        ? `<path d="M${x} ${y - 4}h16" stroke="${c}" stroke-width="2"/><circle cx="${x + 8}" cy="${y - 4}" r="3" fill="${c}"/>`
        : `<rect x="${x}" y="${y - 10}" width="16" height="12" fill="${c}"/>`);
      parts.push(`<text x="${x + 20}" y="${y}" font-size="12">${esc(label)}</text>`);
      x += iw;
    }
    y += 8;
  }
  // The chart itself, nested with its own coordinate system.
  const inner = plot.cloneNode(true) as SVGSVGElement;
  inner.removeAttribute('class');
  inner.removeAttribute('role');
  inner.removeAttribute('aria-label');
  inner.setAttribute('x', String(PAD));
  inner.setAttribute('y', String(y));
  inner.setAttribute('width', String(w));
  inner.setAttribute('height', String(h));
  inner.setAttribute('font-size', '12');
  parts.push(new XMLSerializer().serializeToString(inner).replace(/ xmlns="[^"]*"/, ''));
  y += h + 4;
  const notes = [...fig.querySelectorAll<HTMLElement>('.note')].map((p) => p.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  notes.push('数据来源:' + (fig.querySelector('.chart-source-text')?.textContent?.trim() ?? ''));
  notes.push(location.href.replace(/#.*$/, '') + '#' + fig.id);
  for (const n of notes) for (const line of wrap(n, w, 11)) {
    y += 15;
    parts.push(`<text x="${PAD}" y="${y}" font-size="11" fill="#57606a">${esc(line)}</text>`);
  }
  const height = Math.ceil(y + PAD);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${FONT}' fill="${TEXT}" color="${TEXT}">`
    + `<rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
  return { svg, width, height };
}

/** A PNG (2× scale) of the standalone SVG. */
export async function chartPng(fig: HTMLElement, scale = 2): Promise<Blob> {
  const { svg, width, height } = chartSvg(fig);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('PNG 生成失败'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function setupChartExports(root: Document): void {
  for (const b of root.querySelectorAll<HTMLButtonElement>('figure.chart [data-chart-export]')) {
    if (b.dataset.ready) continue;
    b.dataset.ready = '1';
    b.hidden = false;
    b.addEventListener('click', async () => {
      const fig = b.closest<HTMLElement>('figure.chart')!;
      const name = fig.dataset.file || fig.id || 'chart';
      try {
        if (b.dataset.chartExport === 'png') saveBlob(await chartPng(fig), `${name}.png`);
        else saveBlob(new Blob([chartSvg(fig).svg], { type: 'image/svg+xml' }), `${name}.svg`);
      } catch (e) {
        b.textContent = `失败:${e instanceof Error ? e.message : String(e)}`;
      }
    });
  }
}
