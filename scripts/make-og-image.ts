/**
 * Draws the share-card image every page names in og:image, `public/og.png`
 * (1200 × 630), with Debian's Chromium and the Noto CJK fonts. Run by hand
 * when the card should change: `npx node scripts/make-og-image.ts`; the PNG is
 * committed, so builds need neither.
 */
import { chromium } from 'playwright-core';

const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
  body { margin: 0; width: 1200px; height: 630px; font-family: "Noto Sans CJK SC", sans-serif; background: #0b5cad; color: #fff; display: flex; }
  .card { margin: 48px; padding: 56px 64px; flex: 1; border-radius: 24px; background: #ffffff; color: #1d232b; display: flex; flex-direction: column; justify-content: space-between; }
  h1 { font-size: 68px; line-height: 1.25; margin: 0; font-weight: 700; }
  p { font-size: 34px; margin: 0; color: #57606a; }
  .row { display: flex; gap: 18px; }
  .row span { font-size: 30px; padding: 8px 22px; border-radius: 999px; background: #e8f1fb; color: #0b5cad; }
</style></head><body><div class="card">
  <h1>政府信息公开工作年度报告<br>开放数据</h1>
  <p>三张统计表逐格读出 · 每个数字链接回原文所在的行</p>
  <div class="row"><span>浏览</span><span>比较</span><span>全文搜索</span><span>SQL 查询</span><span>下载 CSV · Parquet</span></div>
</div></body></html>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: 'public/og.png' });
await browser.close();
console.log('public/og.png');
