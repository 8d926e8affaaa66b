/**
 * Wires the SQL page: starts DuckDB at once (with progress), the editor,
 * examples, schema panel, run/cancel, results, exports, chart and the
 * shareable URL (`?sql=`). Any failure is shown on the page; nothing throws
 * out of an event handler.
 */
import { SqlSession, CancelledError, type QueryResult } from './db.ts';
import { createEditor, type Editor } from './editor.ts';
import { renderResult, fmtMs, type LinkOptions } from './results.ts';
import { setupChart } from './chart.ts';
import { toCsv, toJson } from '../../lib/sql/export.ts';
import { completionSchema } from '../../lib/sql/schema-panel.ts';
import { chartFromSearch, sqlFromSearch, sqlPageUrl, type ChartSettings } from '../../lib/sql/share.ts';
import { errorSpan, explainError } from '../../lib/sql/errors.ts';
import { getCached, putCached } from './result-cache.ts';
import { saveBlob } from '../save.ts';

performance.mark('sql:script');
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const app = $('sql-app');
const base = app.dataset.base!;
const datasetUrl = app.dataset.dataset!;
/** SHA-256 of dataset.duckdb: results cached under it are exact (result-cache.ts). */
const datasetVersion = app.dataset.datasetVersion ?? '';
const statusText = $('sql-status-text');
const progress = $<HTMLProgressElement>('sql-progress');
const runBtn = $<HTMLButtonElement>('sql-run');
const cancelBtn = $<HTMLButtonElement>('sql-cancel');
const shareBtn = $<HTMLButtonElement>('sql-share');
const errorBox = $('sql-error');
const resultBox = $('sql-result');
const exportBox = $('sql-export');
const chartForm = $<HTMLFormElement>('sql-chart');
const chartOut = $('sql-chart-out');
const textarea = $<HTMLTextAreaElement>('sql-input');

let last: QueryResult | undefined;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const links: LinkOptions = {
  base,
  archive: app.dataset.archive || null,
  resolvePages: async (ids) => new Map((await session.lookup(
    `SELECT report_id, page FROM report_pages WHERE report_id IN (${ids.map(lit).join(', ')})`,
  )).map(([id, page]) => [String(id), String(page)])),
};
let engineReady = false;

function status(text: string, busy = false) {
  statusText.textContent = text;
  app.dataset.state = busy ? 'busy' : engineReady ? 'ready' : 'loading';
}

const mb = (n: number) => (n / 1048576).toFixed(1);
let lastStep = -1;
const session = new SqlSession({
  base,
  datasetUrl,
  onProgress: (p) => {
    if (p.phase === 'wasm') {
      progress.hidden = false;
      // The bar moves with every chunk; the announced text only every 10 %, to keep screen readers calm.
      if (p.total) {
        progress.max = p.total; progress.value = p.loaded ?? 0;
        const step = Math.floor(((p.loaded ?? 0) / p.total) * 10);
        if (step !== lastStep) { lastStep = step; status(`正在加载查询引擎 ${mb(p.loaded ?? 0)} / ${mb(p.total)} MB`); }
      }
      else { progress.removeAttribute('value'); status(`正在加载查询引擎 ${mb(p.loaded ?? 0)} MB`); }
    } else if (p.phase === 'attach') {
      progress.removeAttribute('value');
      status('正在连接数据库 dataset.duckdb…');
    } else {
      progress.hidden = true;
      engineReady = true;
      app.dataset.engine = 'ready';
      app.dataset.readyMs = String(Math.round(performance.now()));
      status('就绪。按 Ctrl+Enter(Mac 上 ⌘+Enter)运行。');
    }
  },
});

progress.hidden = false;
status('正在加载查询引擎…');
let starting = session.start().catch((e) => {
  progress.hidden = true;
  status('查询引擎加载失败');
  showError(e);
});

let syncTimer: number | undefined;
const editor: Editor = createEditor(textarea, completionSchema(), () => void run(), () => {
  clearTimeout(syncTimer);
  syncTimer = window.setTimeout(syncUrl, 400);
});

/** The quick chart on screen (or asked for by a shared link), kept in the URL and redrawn after a re-run. */
let chartSettings: ChartSettings | null = chartFromSearch(location.search);

function syncUrl() {
  const sql = editor.getValue();
  const url = sqlPageUrl(base, sql.trim() ? sql : undefined, chartSettings);
  if (url !== location.pathname + location.search) history.replaceState(null, '', url);
}

const chartHooks = {
  onDraw: (s: ChartSettings) => { chartSettings = s; syncUrl(); },
  linkFor: (s: ChartSettings) => sqlPageUrl(base, editor.getValue(), s),
};

/** Shows an error in Chinese; for a query error (`sql` given) marks where it is in the editor. */
function showError(e: unknown, sql?: string) {
  const x = explainError(e, sql ?? '');
  const p = (cls: string, text: string) => { const el = document.createElement('p'); el.className = cls; el.textContent = text; return el; };
  const title = p('sql-error-title', '');
  const kind = document.createElement('strong');
  kind.textContent = x.kind;
  title.append(kind, ':', x.message);
  const parts: HTMLElement[] = [title];
  if (sql && x.position !== null) {
    const where = p('sql-error-where', `位置:第 ${x.line} 行第 ${x.column} 列(编辑框中已用红色波浪线标出)`);
    const go = document.createElement('button');
    go.type = 'button';
    go.textContent = '跳到出错位置';
    const pos = x.position;
    go.addEventListener('click', () => editor.goTo(pos));
    where.append(' ', go);
    parts.push(where);
    const span = errorSpan(sql, pos);
    editor.markError(span.from, span.to, `${x.kind}:${x.message}`);
  }
  if (x.hint) parts.push(p('sql-error-hint', `提示:${x.hint}`));
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'DuckDB 的原始错误信息';
  const pre = document.createElement('pre');
  pre.textContent = x.raw;
  details.append(summary, pre);
  parts.push(details);
  errorBox.replaceChildren(...parts);
  errorBox.hidden = false;
  errorBox.dataset.position = x.position === null ? '' : String(x.position);
}

async function run() {
  if (session.busy) return;
  const sql = editor.getValue();
  if (!sql.trim()) return;
  errorBox.hidden = true;
  errorBox.replaceChildren();
  editor.clearError();
  runBtn.disabled = true;
  cancelBtn.disabled = false;
  app.dataset.running = 'true';
  status(engineReady ? '正在运行…' : '查询引擎加载完成后将运行…', true);
  syncUrl();
  try {
    // A repeat visit: the same query over the same dataset file was answered before (result-cache.ts).
    let r = engineReady ? null : await getCached(datasetVersion, sql);
    if (r) r = { ...r, cached: true };
    else {
      if (!engineReady) {
        await starting;
        if (!engineReady) { starting = session.start(); await starting; }
      }
      r = await session.run(sql);
      void putCached(datasetVersion, sql, r);
    }
    last = r;
    app.dataset.cached = String(!!r.cached);
    renderResult(resultBox, r, links);
    const preset = chartSettings;
    chartSettings = null;
    setupChart(chartForm, chartOut, r, preset, chartHooks);
    exportBox.hidden = false;
    status(r.cached
      ? `完成:${r.rows.length.toLocaleString('zh-CN')} 行(本机保存的上次结果:数据与查询都相同)${engineReady ? '' : ',查询引擎正在后台启动'}`
      : `完成:${r.rows.length.toLocaleString('zh-CN')} 行,用时 ${fmtMs(r.ms)}`);
    // Milliseconds from navigation start to the first result (read by the bench).
    if (!app.dataset.firstResultMs) app.dataset.firstResultMs = String(Math.round(performance.now()));
  } catch (e) {
    if (e instanceof CancelledError) status('查询已取消');
    else { status('查询出错'); showError(e, sql); }
    resultBox.replaceChildren();
    chartForm.hidden = true;
    chartOut.replaceChildren();
    exportBox.hidden = true;
    last = undefined;
  } finally {
    runBtn.disabled = false;
    cancelBtn.disabled = true;
    app.dataset.running = 'false';
    app.dataset.runs = String(Number(app.dataset.runs ?? 0) + 1);
  }
}

async function cancel() {
  cancelBtn.disabled = true;
  status('正在取消…', true);
  try { await session.cancel(); } catch (e) { showError(e); }
}

function download(name: string, text: string, type: string) {
  saveBlob(new Blob([text], { type }), name);
}

runBtn.addEventListener('click', () => void run());
cancelBtn.addEventListener('click', () => void cancel());
shareBtn.addEventListener('click', async () => {
  syncUrl();
  try { await navigator.clipboard.writeText(location.href); shareBtn.textContent = '已复制链接'; }
  catch { shareBtn.textContent = '链接已在地址栏'; }
  setTimeout(() => { shareBtn.textContent = '复制分享链接'; }, 2000);
});
$('sql-export-csv').addEventListener('click', () => { if (last) download('query-result.csv', toCsv(last), 'text/csv;charset=utf-8'); });
$('sql-export-json').addEventListener('click', () => { if (last) download('query-result.json', toJson(last), 'application/json'); });

for (const b of document.querySelectorAll<HTMLButtonElement>('[data-insert]')) {
  b.addEventListener('click', () => editor.insert(b.dataset.insert!));
}
for (const b of document.querySelectorAll<HTMLButtonElement>('[data-example]')) {
  b.addEventListener('click', () => { editor.setValue(b.dataset.sql!); void run(); });
}

runBtn.disabled = false;
app.dataset.js = 'on';
const shared = sqlFromSearch(location.search);
if (shared) { editor.setValue(shared); void run(); }
