import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpoint, dollars, expectHeading } from '../support/app';
import { DESKTOP, openBrowser, PHONE, url } from '../support/browser';

/**
 * The public tax calculator, signed out, at a desktop and a phone viewport. The figures are those
 * of tax-return.e2e.ts's last step (worked by hand there and checked against the engine): $85,000
 * salary, $19,500 withheld and $493 of work-related deductions in 2025-26 give a taxable income of
 * $84,507, total tax $17,830.24 and a refund of $1,669.76, so $66,676.76 is kept.
 */
const REFUND_CENTS = 166_976;

for (const [viewport, size] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const) {
  describe(`the tax calculator (${viewport})`, () => {
    let browser: Awaited<ReturnType<typeof openBrowser>>;
    beforeAll(async () => {
      browser = await openBrowser(size);
    });
    afterAll(() => browser?.close());

    it('works out a refund as the person types, line by line, with where each dollar goes', async () => {
      const { page } = browser;
      await page.goto(url('/calculator'));
      await expectHeading(page, 'Tax calculator');
      expect(await page.getByLabel('Income year', { exact: true }).inputValue()).toBe('2025-26');
      await expect.poll(() => page.getByText('Your estimate will appear here').isVisible()).toBe(true);
      await checkpoint(page, `${viewport}-calculator-empty`);

      await page.getByLabel('Salary and wages', { exact: true }).fill('85,000');
      await page.getByLabel('Tax withheld', { exact: true }).fill('19500');
      await page.getByLabel('Work-related deductions', { exact: true }).fill('493');
      const outcome = page.getByTestId('estimate-outcome');
      await expect.poll(() => outcome.textContent(), { timeout: 15_000 }).toBe(dollars(REFUND_CENTS));

      const steps = page.getByRole('region', { name: 'Your tax, step by step' });
      const working = (await steps.innerText()).replace(/\s+/g, ' ');
      expect(working).toContain('Taxable income $84,507.00');
      expect(working).toContain('Medicare levy $1,690.14');
      expect(working).toContain('Total tax $17,830.24');
      expect(working).toContain(`Your refund ${dollars(REFUND_CENTS)}`);

      const chart = page.getByRole('region', { name: 'Where each dollar goes' });
      await expect.poll(() => chart.getByRole('table').isVisible(), { timeout: 15_000 }).toBe(true);
      expect((await chart.innerText()).replace(/\s+/g, ' ')).toContain('You keep');
      expect(await chart.innerText()).toContain('$66,676.76');
      await checkpoint(page, `${viewport}-calculator-refund`);
    });

    it('says what is wrong next to a field and keeps the last estimate', async () => {
      const { page } = browser;
      const salary = page.getByLabel('Salary and wages', { exact: true });
      await salary.fill('-5000');
      await salary.blur();
      await expect
        .poll(() => page.getByText('Salary and wages must not be negative.').isVisible())
        .toBe(true);
      expect(await salary.getAttribute('aria-invalid')).toBe('true');
      // The last good estimate stays, marked out of date, until the field is fixed.
      await expect
        .poll(() => page.getByText('Fix the highlighted fields to update this estimate.').isVisible())
        .toBe(true);
      expect(await page.getByTestId('estimate-outcome').textContent()).toBe(dollars(REFUND_CENTS));
      await checkpoint(page, `${viewport}-calculator-error`);

      await page.getByRole('button', { name: 'Clear the form' }).click();
      await expect.poll(() => page.getByText('Your estimate will appear here').isVisible()).toBe(true);
      expect(await page.getByTestId('estimate-outcome').count()).toBe(0);
    });
  });
}
