/** Driving the SQL page from a test, as a visitor does: type, Ctrl+Enter, wait. */
import type { Page } from 'playwright-core';

/** How many runs the page has finished (`#sql-app[data-runs]`). */
export async function runs(page: Page): Promise<number> {
  return Number(await page.getAttribute('#sql-app', 'data-runs') ?? 0);
}

/** Types `sql` into the editor and runs it with Ctrl+Enter; waits for the run to finish. */
export async function runInEditor(page: Page, sql: string): Promise<void> {
  const before = await runs(page);
  await page.click('.cm-content');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((n) => Number(document.getElementById('sql-app')!.dataset.runs ?? 0) > n, before, { timeout: 30_000 });
}
