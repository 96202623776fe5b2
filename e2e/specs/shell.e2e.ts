import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openBrowser, PHONE, screenshot, seriousA11yViolations, url } from '../support/browser';

for (const [label, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const) {
  describe(`app shell (${label})`, () => {
    let browser: Awaited<ReturnType<typeof openBrowser>>;
    beforeAll(async () => {
      browser = await openBrowser(viewport);
    });
    afterAll(() => browser.close());

    it('renders the shell with its navigation, from the server started as npm start does', async () => {
      const { page } = browser;
      const response = await page.goto(url('/'));
      expect(response?.status()).toBe(200);
      await expect.poll(() => page.locator('h1').first().isVisible()).toBe(true);
      expect(await page.title()).toMatch(/Numeri/);
      // On a phone the navigation folds into a menu button.
      const role = label === 'phone' ? 'menuitem' : 'link';
      if (label === 'phone') await page.getByRole('button', { name: /menu/i }).click();
      for (const name of ['Dashboard', 'Tax calculator', 'Documents', 'Returns', 'Profile']) {
        await expect.poll(() => page.getByRole(role, { name, exact: true }).first().isVisible()).toBe(true);
      }
      await screenshot(page, `shell-${label}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    it('navigates client-side and serves deep links', async () => {
      const { page } = browser;
      await page.goto(url('/calculator'));
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/calculator/i);
      await screenshot(page, `calculator-${label}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  });
}

describe('API documentation', () => {
  it('the OpenAPI page renders in the browser', async () => {
    const browser = await openBrowser(DESKTOP);
    try {
      await browser.page.goto(url('/api/docs/'));
      await expect
        .poll(() => browser.page.locator('.swagger-ui').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      await expect
        .poll(() => browser.page.getByText('Numeri API').first().isVisible(), { timeout: 15_000 })
        .toBe(true);
      await screenshot(browser.page, 'api-docs');
    } finally {
      await browser.close();
    }
  });
});
