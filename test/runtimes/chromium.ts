/**
 * Chromium (Debian's `chromium`, as in `npm run test:browser`), driven by playwright-core: the
 * lifecycle runs in a page bundled for browsers from the installed package and served by the
 * emulator's own origin, so the page's fetch needs no CORS.
 */
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchChromium } from '../browser/chromium.ts';
import type { LifecycleReport } from './lifecycle.ts';
import type { RuntimeTarget } from './runtime-target.ts';

/** The page's script file and HTML, served by the harness server. */
export const PAGE_FILE = 'lifecycle-page.js';
export const PAGE_HTML = `<!doctype html><meta charset="utf-8"><script type="module" src="/${PAGE_FILE}"></script>`;
const TIMEOUT_IN_MS = 60_000;

async function runPage(browser: Browser, url: string): Promise<LifecycleReport> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(`${url}/`);
    await page
      .waitForFunction(() => 'lifecycleReport' in globalThis, undefined, { timeout: TIMEOUT_IN_MS })
      .catch(() => {
        throw new Error(
          `the page never started the lifecycle: ${errors.join('; ') || 'no page error'}`,
        );
      });
    return (await page.evaluate(
      () => (globalThis as { lifecycleReport?: Promise<unknown> }).lifecycleReport,
    )) as LifecycleReport;
  } finally {
    await page.close();
  }
}

export const CHROMIUM: RuntimeTarget = {
  name: 'Chromium',
  async locate() {
    const missing = chromiumMissing();
    if (missing) return { skipped: missing };
    const browser = await launchChromium();
    return {
      version: browser.version(),
      reportsAs: 'browser',
      run: (url) => runPage(browser, url),
      close: () => browser.close(),
    };
  },
};
