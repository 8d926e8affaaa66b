/**
 * A government web page as saved from a TRS or ucap CMS: the site's header,
 * navigation and breadcrumb, a metadata table (索引号, 发布机构, 公开日期, 文号)
 * above the report, the report inside the editor's content element with
 * Word-pasted tables (cms-table.ts), then related links and the footer (网站
 * 标识码, ICP 备案号). The head names the original URL (`<link rel="canonical">`,
 * `<meta name="Url">`, `og:url`).
 */
import type { Doc } from '../doc.ts';
import type { Page } from '../real/page.ts';
import type { Rng } from '../rng.ts';
import { esc, wordTable } from './cms-table.ts';
import { Out } from './out.ts';

export interface CmsOpts {
  charset: string;
  page: Page;
  title: string;
  /** The site's name, e.g. 某某县人民政府. */
  site: string;
  kind: 'trs' | 'ucap';
}

function head(out: Out, o: CmsOpts, rng: Rng) {
  const p = o.page;
  out.push('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">');
  out.push('<html xmlns="http://www.w3.org/1999/xhtml">');
  out.push('<head>');
  out.push(`<meta http-equiv="Content-Type" content="text/html; charset=${o.charset}" />`);
  out.push(`<title>${esc(o.title)}_${esc(o.site)}</title>`);
  out.push(`<meta name="SiteName" content="${esc(o.site)}" />`);
  out.push('<meta name="ColumnName" content="政府信息公开年报" />');
  out.push(`<meta name="ArticleTitle" content="${esc(o.title)}" />`);
  out.push(`<meta name="PubDate" content="${p.time}" />`);
  const urls = [
    `<link rel="canonical" href="${p.url}" />`, `<meta name="Url" content="${p.url}" />`, `<meta property="og:url" content="${p.url}" />`,
  ].filter(() => rng.chance(0.6));
  for (const u of urls.length ? urls : [`<meta name="Url" content="${p.url}" />`]) out.push(u);
  out.push('<link rel="stylesheet" type="text/css" href="/images/style.css" />');
  out.push('<script type="text/javascript" src="/js/jquery-1.8.3.min.js"></script>');
  out.push(`<script type="text/javascript">var _hmt = _hmt || []; var articleId = "${p.id}";</script>`);
  out.push('</head>');
}

function chrome(out: Out, o: CmsOpts) {
  out.push('<body>');
  out.push(`<div class="top"><div class="logo"><img src="/images/logo.png" alt="${esc(o.site)}" /></div>`);
  const nav = ['首页', '政务公开', '政务服务', '互动交流', '走进本地'].map((x, i) => `<a href="/col/col${i}/">${x}</a>`);
  out.push(`<div class="topnav">${nav.join(' | ')}</div></div>`);
  out.push('<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; '
    + '<a href="/zwgk/zfxxgk/">政府信息公开</a> &gt; 政府信息公开年报</div>');
}

function metaTable(out: Out, o: CmsOpts) {
  const p = o.page;
  const d = p.time.slice(0, 10);
  const cls = o.kind === 'trs' ? 'xxgk_table' : 'table_suoyin';
  out.push(`<table class="${cls}" width="100%" border="0" cellspacing="0" cellpadding="0">`);
  const row = (...cells: [string, string][]) => `<tr>${cells.map(([k, v]) => `<td class="td_lable">${k}</td><td>${v}</td>`).join('')}</tr>`;
  out.push(row(['索引号：', p.index], ['信息分类：', '政府信息公开年报']));
  out.push(row(['发布机构：', esc(p.publisher)], ['公开日期：', d]));
  out.push(row(['文号：', esc(p.docNo)], ['公开方式：', '主动公开']));
  out.push(`<tr><td class="td_lable">名称：</td><td colspan="3">${esc(o.title)}</td></tr>`);
  out.push('</table>');
}

const WORD_P = '<p class="MsoNormal" style="text-indent:32.0pt;mso-char-indent-count:2.0"><span style="font-size:16.0pt;font-family:仿宋_GB2312">';
const EDITOR_P = '<p style="text-indent:2em;line-height:1.75em;"><span style="font-family:仿宋_GB2312, 仿宋;font-size:16px;">';
const para = (t: string, rng: Rng) => `${rng.chance(0.5) ? WORD_P : EDITOR_P}${esc(t)}</span></p>`;
const heading = (t: string) => `<p class="MsoNormal" style="text-indent:32.0pt"><b><span style="font-size:16.0pt;font-family:黑体">${esc(t)}</span></b></p>`;
const right = (t: string) => `<p class="MsoNormal" align="right" style="text-align:right"><span style="font-size:16.0pt">${esc(t)}</span></p>`;

function footer(out: Out, o: CmsOpts, rng: Rng) {
  out.push('<div class="pre-next"><p>上一篇：<a href="#">关于公布权责清单调整情况的通知</a></p>'
    + '<p>下一篇：<a href="#">政府信息公开指南</a></p></div>');
  out.push('<div class="print"><a href="javascript:window.print()">【打印本页】</a> '
    + '<a href="javascript:window.close()">【关闭窗口】</a></div>');
  out.push('<div class="footer">');
  out.push(`<p>主办单位：${esc(o.site)}办公室 &nbsp; 网站标识码：${rng.int(1000000000, 9999999999)}</p>`);
  const icp = `ICP备${rng.int(10000000, 99999999)}号-${rng.int(1, 9)}`;
  out.push(`<p><a href="https://beian.miit.gov.cn/">${icp}</a> &nbsp; 公安机关备案号 ${rng.int(10000000000000, 99999999999999)}</p>`);
  out.push('</div>');
  out.push('<script type="text/javascript">document.write(unescape("%3Cspan id=\'_ideConac\' %3E%3C/span%3E"));</script>');
  out.push('</body>');
  out.push('</html>');
}

export function renderCms(doc: Doc, o: CmsOpts, rng: Rng): Out {
  const out = new Out();
  head(out, o, rng);
  chrome(out, o);
  out.push(`<div class="${o.kind === 'trs' ? 'xxgk_content' : 'main-article'}">`);
  metaTable(out, o);
  out.push(`<div class="article-title"><h1>${esc(o.title)}</h1></div>`);
  const source = esc(o.page.publisher || o.site);
  out.push(`<div class="article-info">发布时间：${o.page.time} &nbsp; 来源：${source} &nbsp; `
    + `浏览次数：<span id="hits">${rng.int(10, 9999)}</span> 【字体：<a>大</a> <a>中</a> <a>小</a>】</div>`);
  out.push(o.kind === 'trs' ? '<div class="TRS_Editor"><div class="Custom_UnionStyle">' : '<div id="zoom" class="bt-article-content">');
  for (const b of doc.blocks) {
    switch (b.t) {
      case 'title': break;
      case 'h': out.push(heading(b.text)); break;
      case 'p': out.push(para(b.text, rng)); break;
      case 'sign': for (const l of b.lines) out.push(right(l.trim())); break;
      case 'table':
        wordTable(out, b.model, rng);
        out.push('<p class="MsoNormal"><span lang="EN-US"><o:p>&nbsp;</o:p></span></p>');
        break;
      case 'meta': case 'raw': break;
    }
  }
  out.push(o.kind === 'trs' ? '</div></div>' : '</div>');
  out.push('</div>');
  footer(out, o, rng);
  return out;
}
