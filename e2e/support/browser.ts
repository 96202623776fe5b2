import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** Debian's Chromium through playwright-core (no browser download), fresh profile each time. */
export async function openBrowser(
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    isMobile: viewport.width < 500,
    hasTouch: viewport.width < 500,
    locale: 'en-AU',
    // axe-core is injected as a script; the app's own CSP (tested elsewhere) would refuse it.
    bypassCSP: true,
    timezoneId: 'Australia/Sydney',
    // As a person who asks for less motion: the app must honour it, and screenshots are then of
    // settled pages (charts drawn, not mid-animation).
    reducedMotion: 'reduce',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return {
    context,
    page,
    async close() {
      await context.close();
      await fs.rm(profile, { recursive: true, force: true });
      if (problems.length) throw new Error(problems.join('\n'));
    },
  };
}

export function url(pathname: string): string {
  return `${inject('baseUrl')}${pathname}`;
}

const shots = new Map<string, number>();
/**
 * Saves a numbered full-page screenshot under the run's artifacts folder, in a folder named after
 * the spec file (`<artifacts>/tax-return/07-desktop-documents-needs-review.png`), so each spec's
 * steps read in order.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const testPath = expect.getState().testPath;
  const spec = testPath ? path.basename(testPath).replace(/\.e2e\.ts$/, '') : 'misc';
  const n = (shots.get(spec) ?? 0) + 1;
  shots.set(spec, n);
  const dir = path.join(inject('artifactsDir'), spec);
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${String(n).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the current page; returns serious and critical violations only. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    return axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
}
