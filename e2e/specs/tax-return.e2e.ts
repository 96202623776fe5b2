import fs from 'node:fs/promises';
import path from 'node:path';
import {
  returnItemSchema,
  returnToTaxReturnInput,
  type ReturnFacts,
  type ReturnItem,
} from '@numeri/contracts';
import { assess } from '@numeri/tax-engine';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  appLinkIn,
  checkpoint,
  dollars,
  emailTo,
  escapeRegExp,
  expectHeading,
  navigate,
  newPerson,
  openReturnStep,
  pdfText,
  readEstimate,
  stepsInOrder,
  submitSignIn,
  submitSignUp,
  totpCode,
  type Person,
  type Viewport,
} from '../support/app';
import { DESKTOP, openBrowser, PHONE, url } from '../support/browser';
import { incomeStatementPdf, receiptPdf } from '../support/documents';

/**
 * The whole journey of a return, in the browser, at a desktop and at a phone-sized viewport:
 * sign up → confirm the email → sign in → turn on 2FA → upload an income statement PDF → confirm
 * its figures → the interview (residency, working-from-home hours) → upload a receipt and confirm
 * it as a work expense → the refund moves at each step → review → the PDF summary says the same.
 * axe-core checks every page and state visited; each step leaves a screenshot.
 */

const YEAR = '2025-26';
const YEAR_NAME = '2025–26';
const EMPLOYER = 'KOOKABURRA ANALYTICS PTY LTD';
const GROSS_CENTS = 8_500_000;
const WITHHELD_CENTS = 1_950_000;
const WFH_HOURS = 520;
const RECEIPT = {
  supplier: 'BILBY OFFICE SUPPLIES PTY LTD',
  item: 'USB headset with microphone',
  date: '2026-03-14',
  totalCents: 12_995,
};

/*
 * The refund at each point, worked out by hand from the 2025-26 resident rates (nil to $18,200;
 * 16% to $45,000; 30% to $135,000), the 2% Medicare levy (no reduction or surcharge at this
 * income, no private health question below the $101,000 surcharge threshold) and no LITO (it
 * phases out by $66,667):
 *
 * 1. Income statement only: taxable income $85,000.
 *    Tax 26,800 × 16% + 40,000 × 30% = 4,288 + 12,000 = $16,288.00; Medicare $1,700.00;
 *    total $17,988.00; withheld $19,500.00 → refund $1,512.00.
 * 2. + working from home, 520 hours at the 70c fixed rate = $364.00 (D5): taxable $84,636.
 *    Tax 4,288 + 39,636 × 30% = $16,178.80; Medicare $1,692.72; total $17,871.52 → refund $1,628.48.
 * 3. + the $129.95 receipt at D5: the label is claimed in whole dollars, 364 + 129.95 → $493,
 *    taxable $84,507. Tax 4,288 + 39,507 × 30% = $16,140.10; Medicare $1,690.14;
 *    total $17,830.24 → refund $1,669.76.
 */
const REFUND = { incomeOnly: 151_200, withWorkFromHome: 162_848, withReceipt: 166_976 } as const;
const TAXABLE_WITH_RECEIPT = '$84,507';

let nextId = 0;
const item = (raw: Record<string, unknown>): ReturnItem =>
  returnItemSchema.parse({
    id: `00000000-0000-4000-8000-${String((nextId += 1)).padStart(12, '0')}`,
    ...raw,
  });

/** The refund the tax engine gives for these items: the same engine the browser and server run. */
function engineRefund(items: ReturnItem[]): number {
  const facts: ReturnFacts = { residency: { kind: 'resident' }, hasStudyLoan: false };
  const result = assess(returnToTaxReturnInput(YEAR, facts, items));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.assessment.refund;
}

describe('the expected figures', () => {
  it('agree with @numeri/tax-engine on the same facts and items', () => {
    const employment = item({
      kind: 'employment',
      payerName: EMPLOYER,
      grossPaymentsCents: GROSS_CENTS,
      taxWithheldCents: WITHHELD_CENTS,
    });
    const wfh = item({ kind: 'working-from-home', hours: WFH_HOURS });
    const receipt = item({
      kind: 'deduction',
      label: 'D5',
      description: RECEIPT.item,
      amountCents: RECEIPT.totalCents,
    });
    expect(engineRefund([employment])).toBe(REFUND.incomeOnly);
    expect(engineRefund([employment, wfh])).toBe(REFUND.withWorkFromHome);
    expect(engineRefund([employment, wfh, receipt])).toBe(REFUND.withReceipt);
  });
});

for (const [viewport, size] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const satisfies readonly [Viewport, typeof DESKTOP][]) {
  describe(`a return from sign-up to the PDF summary (${viewport})`, () => {
    let browser: Awaited<ReturnType<typeof openBrowser>>;
    const person: Person = newPerson(viewport);
    const incomeFile = `income-statement-${viewport}.pdf`;
    const receiptFile = `receipt-${viewport}.pdf`;
    let secret = '';
    let recoveryCodes: string[] = [];

    const step = stepsInOrder();
    const shot = (page: Parameters<typeof checkpoint>[0], name: string) =>
      checkpoint(page, `${viewport}-${name}`);

    beforeAll(async () => {
      browser = await openBrowser(size);
    });
    afterAll(() => browser?.close());

    step('signs up and confirms the email address from the link in the email', async () => {
      const { page } = browser;
      await page.goto(url('/sign-up'));
      await expectHeading(page, 'Create your account');
      await shot(page, 'sign-up');

      await submitSignUp(page, person);
      await expectHeading(page, 'Check your email');
      await expect.poll(() => page.getByText(person.email).isVisible()).toBe(true);
      await shot(page, 'sign-up-check-your-email');

      const email = await emailTo(person.email, /confirm your email/i);
      await page.goto(url(appLinkIn(email.text, '/verify-email')));
      await expectHeading(page, 'Your email is confirmed');
      await shot(page, 'email-confirmed');
    });

    step('signs in with the new account', async () => {
      const { page } = browser;
      await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
      await expectHeading(page, 'Sign in to Numeri');
      await shot(page, 'sign-in');

      await submitSignIn(page, person);
      await expectHeading(page, 'Your tax, year by year');
      await expect.poll(() => page.getByText(`Welcome, ${person.givenName}`).isVisible()).toBe(true);
      await shot(page, 'dashboard-new-account');
    });

    step('turns on two-factor authentication with a code from an authenticator app', async () => {
      const { page } = browser;
      await page.getByRole('link', { name: 'Set it up' }).click();
      await expectHeading(page, 'Sign-in and security');
      await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
      await expect
        .poll(() => page.getByRole('img', { name: /QR code for adding your Numeri account/ }).isVisible())
        .toBe(true);
      // The set-up key is shown as text for people who can't scan (grouped in fours).
      const key = (await page.getByLabel(/^Set-up key:/).textContent()) ?? '';
      secret = key.replace(/\s/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      await shot(page, 'two-factor-scan');

      await page.getByLabel('6-digit code').fill(await totpCode(secret));
      await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
      const codes = page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem');
      await expect.poll(() => codes.count(), { timeout: 15_000 }).toBe(10);
      recoveryCodes = (await codes.allTextContents()).map((code) => code.trim());
      expect(recoveryCodes.every((code) => /^[a-z0-9]{5}-[a-z0-9]{5}$/.test(code))).toBe(true);
      await shot(page, 'two-factor-recovery-codes');

      const next = page.getByRole('button', { name: 'Continue' });
      expect(await next.isDisabled()).toBe(true);
      await page.getByRole('checkbox', { name: 'I’ve saved my recovery codes somewhere safe' }).check();
      await next.click();
      // Back where the set-up was asked for, without the reminder.
      await expectHeading(page, 'Your tax, year by year');
      await expect.poll(() => page.getByRole('link', { name: 'Set it up' }).count()).toBe(0);
      await shot(page, 'dashboard-two-factor-on');
    });

    step('uploads an income statement PDF and watches it reach "Needs review"', async () => {
      const { page } = browser;
      // Reached from the dashboard's navigation: the dashboard's own document list is in the
      // cache, and live status updates must reach this page through it.
      await navigate(page, viewport, 'Documents');
      await expectHeading(page, 'Documents');
      await expect.poll(() => page.getByText('Nothing uploaded yet').isVisible()).toBe(true);
      await shot(page, 'documents-empty');

      const file = await incomeStatementPdf(
        {
          employer: EMPLOYER,
          payee: `${person.givenName} ${person.familyName}`.toUpperCase(),
          grossCents: GROSS_CENTS,
          withheldCents: WITHHELD_CENTS,
        },
        incomeFile,
      );
      await page.getByLabel('Choose files to upload').setInputFiles(file);
      const row = documentRow(page, incomeFile);
      await expect
        .poll(() => row.getByTestId('status-chip').textContent(), { timeout: 60_000 })
        .toBe('Needs review');
      await expect.poll(() => row.textContent()).toContain(`Income statement · ${YEAR_NAME}`);
      await shot(page, 'documents-income-statement-needs-review');
    });

    step('confirms the figures read from the income statement', async () => {
      const { page } = browser;
      await page.getByRole('link', { name: `Review ${incomeFile}` }).click();
      await expectHeading(page, incomeFile);
      const figures = page.getByRole('list', { name: 'Figures read from the document' });
      await expect.poll(() => figures.isVisible(), { timeout: 20_000 }).toBe(true);
      expect(await figures.getByLabel('Payer (employer)').inputValue()).toBe(EMPLOYER);
      expect(await figures.getByLabel('Gross payments').inputValue()).toBe('85,000');
      expect(await figures.getByLabel('Tax withheld').inputValue()).toBe('19,500');
      expect(await page.getByLabel('Income year').inputValue()).toBe(YEAR);
      // The original, drawn beside the figures.
      await expect
        .poll(
          () =>
            page
              .getByRole('region', { name: `The document: ${incomeFile}` })
              .getByRole('img')
              .count(),
          {
            timeout: 20_000,
          },
        )
        .toBeGreaterThan(0);
      await shot(page, 'income-statement-review');

      await page.getByRole('button', { name: `Confirm and add to my ${YEAR_NAME} return` }).click();
      await expect
        .poll(() => page.getByText(`Added to your ${YEAR_NAME} return`).isVisible(), { timeout: 20_000 })
        .toBe(true);
      await shot(page, 'income-statement-confirmed');
    });

    step('answers residency in the interview and sees the refund from the income statement', async () => {
      const { page } = browser;
      await page.getByRole('link', { name: `Go to your ${YEAR_NAME} return` }).click();
      await expectHeading(page, `Your ${YEAR_NAME} tax return`);
      await openReturnStep(page, viewport, 'About you');
      await page.getByRole('radio', { name: /^Yes, all year/ }).check();
      await expectEstimate(page, REFUND.incomeOnly);
      await shot(page, 'return-about-you');

      await openReturnStep(page, viewport, 'Employers');
      const employer = page.getByRole('article', { name: EMPLOYER });
      await expect.poll(() => employer.textContent()).toContain('From a document');
      await shot(page, 'return-employers');
    });

    step('adds working-from-home hours and sees the refund go up', async () => {
      const { page } = browser;
      if (viewport === 'phone')
        await page.locator('details:has(nav[aria-label="Steps of your return"]) > summary').click();
      await page
        .getByRole('navigation', { name: 'Steps of your return' })
        .getByRole('link', { name: 'What applies to you' })
        .click();
      await expect
        .poll(() => page.getByRole('heading', { name: 'What applies to you?' }).isVisible())
        .toBe(true);
      await page.getByRole('checkbox', { name: /^Did you work from home\?/ }).check();
      await page.getByRole('checkbox', { name: /^Did you pay for things you needed for work\?/ }).check();
      await shot(page, 'return-what-applies');

      await openReturnStep(page, viewport, 'Working from home');
      await page.getByRole('button', { name: 'Add your working-from-home hours' }).click();
      await page.getByLabel('Hours you worked from home in the year').fill(String(WFH_HOURS));
      const comparison = page.getByRole('region', { name: 'Your working-from-home methods compared' });
      await expect.poll(() => comparison.textContent()).toContain('Fixed-rate method (70c an hour)');
      await expect.poll(() => comparison.textContent()).toContain('$364.00');
      await expectEstimate(page, REFUND.withWorkFromHome);
      await shot(page, 'return-work-from-home-editor');

      await page.getByRole('button', { name: 'Done' }).click();
      await expect
        .poll(() => page.getByRole('article', { name: 'Working from home' }).textContent())
        .toContain(`${WFH_HOURS} hours`);
      await expectEstimate(page, REFUND.withWorkFromHome);
      await shot(page, 'return-work-from-home');
    });

    step('uploads a receipt, confirms it as a work expense, and sees the refund go up again', async () => {
      const { page } = browser;
      await navigate(page, viewport, 'Documents');
      await expectHeading(page, 'Documents');
      await page.getByLabel('Choose files to upload').setInputFiles(await receiptPdf(RECEIPT, receiptFile));
      const row = documentRow(page, receiptFile);
      await expect
        .poll(() => row.getByTestId('status-chip').textContent(), { timeout: 60_000 })
        .toBe('Needs review');
      await expect.poll(() => row.textContent()).toContain(`Receipt · ${YEAR_NAME}`);
      await shot(page, 'documents-receipt-needs-review');

      await page.getByRole('link', { name: `Review ${receiptFile}` }).click();
      await expectHeading(page, receiptFile);
      const figures = page.getByRole('list', { name: 'Figures read from the document' });
      await expect.poll(() => figures.isVisible(), { timeout: 20_000 }).toBe(true);
      expect(await figures.getByLabel('Supplier', { exact: true }).inputValue()).toBe(RECEIPT.supplier);
      expect(await figures.getByLabel('Total').inputValue()).toBe('129.95');
      await page.getByLabel('What is this receipt for?').selectOption('D5');
      expect(await page.getByLabel('Work-related share').inputValue()).toBe('100');
      await shot(page, 'receipt-review');

      await page.getByRole('button', { name: `Confirm and add to my ${YEAR_NAME} return` }).click();
      await expect
        .poll(() => page.getByText(`Added to your ${YEAR_NAME} return`).isVisible(), { timeout: 20_000 })
        .toBe(true);
      await shot(page, 'receipt-confirmed');

      await page.getByRole('link', { name: `Go to your ${YEAR_NAME} return` }).click();
      await expectHeading(page, `Your ${YEAR_NAME} tax return`);
      await openReturnStep(page, viewport, 'Work expenses');
      const expense = page.getByRole('article', { name: `Receipt — ${RECEIPT.supplier}` });
      await expect.poll(() => expense.textContent()).toContain('From a document');
      await expect.poll(() => expense.textContent()).toContain('D5 · $129.95');
      await expectEstimate(page, REFUND.withReceipt);
      await shot(page, 'return-work-expenses');
    });

    step('answers the last question and reviews the return: the checklist and the refund', async () => {
      const { page } = browser;
      await openReturnStep(page, viewport, 'Study loan');
      await page.getByRole('radio', { name: 'No', exact: true }).check();
      await shot(page, 'return-study-loan');

      await page.getByRole('link', { name: 'Review your return' }).click();
      await expect
        .poll(() => page.getByRole('heading', { name: 'Review and lodge', level: 2 }).isVisible())
        .toBe(true);
      expect(await page.getByTestId('review-outcome').textContent()).toBe(dollars(REFUND.withReceipt));
      const checklist = page.getByRole('region', { name: 'Before you lodge' });
      await expect
        .poll(() => checklist.getByRole('region', { name: /^Still needed/ }).textContent(), {
          timeout: 20_000,
        })
        .toContain('Nothing is missing.');
      // The working-from-home claim has no record attached: worth a second look, with a way to it.
      const secondLook = checklist.getByRole('region', { name: /^Worth a second look/ });
      await expect.poll(() => secondLook.textContent()).toContain('No record attached to this claim');
      expect(await secondLook.getByRole('link', { name: /^Go to it/ }).count()).toBeGreaterThan(0);
      const everything = page.getByRole('region', { name: 'Everything on your return' });
      expect(await everything.textContent()).toContain(EMPLOYER);
      expect(await everything.textContent()).toContain(`Receipt — ${RECEIPT.supplier}`);
      await shot(page, 'review');

      // Each line of the working opens to its rule and source.
      const line = page.getByRole('button', { name: `Taxable income ${TAXABLE_WITH_RECEIPT}.00` });
      await line.click();
      await expect.poll(() => line.getAttribute('aria-expanded')).toBe('true');
      await expect
        .poll(() =>
          page.getByRole('region', { name: `Taxable income ${TAXABLE_WITH_RECEIPT}.00` }).textContent(),
        )
        .toContain('total income less deductions');
      await shot(page, 'review-line-explained');
    });

    step('exports the PDF summary, whose figures match the review', async () => {
      const { page } = browser;
      const shown = (await page.getByTestId('review-outcome').textContent()) ?? '';
      expect(shown).toBe(dollars(REFUND.withReceipt));
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        page.getByRole('button', { name: 'Download PDF summary' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`numeri-return-${YEAR}.pdf`);
      const saved = path.join(inject('artifactsDir'), `${viewport}-${download.suggestedFilename()}`);
      await download.saveAs(saved);
      const text = (await pdfText(new Uint8Array(await fs.readFile(saved)))).replace(/\s+/g, ' ');

      expect(text).toContain('Individual tax return summary');
      expect(text).toContain(`${person.givenName} ${person.familyName}`);
      expect(text).toContain(EMPLOYER);
      expect(text).toMatch(/Gross payments \$85,000\b/);
      expect(text).toContain('Tax withheld $19,500');
      expect(text).toContain(`Hours worked from home ${WFH_HOURS}`);
      expect(text).toContain(`Taxable income ${TAXABLE_WITH_RECEIPT}`);
      // The refund the review page shows, as the server worked it out for the summary.
      expect(text).toMatch(new RegExp(`Estimated refund ${escapeRegExp(shown)}`));
      await shot(page, 'review-pdf-downloaded');

      // The records pack: the summary, the checklist and both documents, under the names uploaded.
      const [pack] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        page.getByRole('button', { name: 'Download records (ZIP)' }).click(),
      ]);
      expect(pack.suggestedFilename()).toBe(`numeri-records-${YEAR}.zip`);
      const packPath = path.join(inject('artifactsDir'), `${viewport}-${pack.suggestedFilename()}`);
      await pack.saveAs(packPath);
      const zip = await fs.readFile(packPath);
      expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
      // Entry names are stored as plain text in a zip's directory.
      for (const name of ['records.csv', `numeri-return-${YEAR}.pdf`, incomeFile, receiptFile]) {
        expect(zip.includes(Buffer.from(name)), name).toBe(true);
      }
    });

    step('opens the profile and security pages', async () => {
      const { page } = browser;
      await page
        .getByRole('button', { name: `${person.givenName} ${person.familyName}, account menu` })
        .click();
      await page.getByRole('menuitem', { name: 'Profile' }).click();
      await expectHeading(page, 'Profile');
      await expect.poll(() => page.getByRole('heading', { name: 'Personal details' }).isVisible()).toBe(true);
      await shot(page, 'profile');

      await page
        .getByRole('button', { name: `${person.givenName} ${person.familyName}, account menu` })
        .click();
      await page.getByRole('menuitem', { name: 'Security' }).click();
      await expectHeading(page, 'Sign-in and security');
      const twoFactor = page.getByRole('region', { name: 'Two-factor authentication' });
      await expect.poll(() => twoFactor.textContent()).toContain('10 of 10 recovery codes left.');
      await shot(page, 'security');
    });

    step('signs out, and back in with a second factor', async () => {
      const { page } = browser;
      await page
        .getByRole('button', { name: `${person.givenName} ${person.familyName}, account menu` })
        .click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await expectHeading(page, 'Sign in to Numeri');
      await expect.poll(() => page.getByText('You’re signed out').isVisible()).toBe(true);

      await submitSignIn(page, person);
      await expect
        .poll(() => page.getByRole('heading', { name: 'Two-factor authentication', level: 2 }).isVisible())
        .toBe(true);
      if (viewport === 'desktop') {
        await page.getByLabel('6-digit code').fill(await totpCode(secret));
      } else {
        // On the phone: one of the recovery codes saved while turning 2FA on.
        await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
        await page.getByLabel('Recovery code').fill(recoveryCodes[0]!);
      }
      await shot(page, 'sign-in-second-factor');
      await page.getByRole('button', { name: 'Verify and sign in' }).click();
      await expectHeading(page, 'Your tax, year by year');
      // The year's card carries the server's refund, and the chart (loaded on demand) has drawn.
      await expect
        .poll(() =>
          page
            .getByText(`Refund ${dollars(REFUND.withReceipt)}`)
            .first()
            .isVisible(),
        )
        .toBe(true);
      await expect.poll(() => page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
      await shot(page, 'dashboard-with-return');

      await navigate(page, viewport, 'Returns');
      await expectHeading(page, 'Returns');
      const row = page.getByRole('link', { name: new RegExp(YEAR_NAME) }).first();
      await expect.poll(() => row.textContent()).toContain(`Refund ${dollars(REFUND.withReceipt)}`);
      await shot(page, 'returns');
    });

    step(
      'lodges in the sandbox with a fresh second factor; the return is then read-only and can be amended',
      async () => {
        const { page } = browser;
        await page
          .getByRole('link', { name: new RegExp(YEAR_NAME) })
          .first()
          .click();
        await page.getByRole('link', { name: 'Review and lodge' }).first().click();
        await expect
          .poll(() => page.getByRole('heading', { name: 'Lodge', level: 2, exact: true }).isVisible())
          .toBe(true);
        await expect
          .poll(() => page.getByText('nothing is sent to the ATO', { exact: false }).first().isVisible())
          .toBe(true);

        // The declaration is required.
        await page.getByRole('button', { name: 'Lodge in the sandbox' }).click();
        await expect.poll(() => page.getByText('Tick the declaration to lodge.').isVisible()).toBe(true);
        await page
          .getByRole('checkbox', {
            name: /^I declare that the information in this return is true and correct/,
          })
          .check();
        await shot(page, 'lodge-declared');
        await page.getByRole('button', { name: 'Lodge in the sandbox' }).click();
        await confirmItsYouIfAsked(
          page,
          () => totpCode(secret),
          () => page.getByTestId('receipt-number').isVisible(),
        );

        await expect
          .poll(() => page.getByTestId('receipt-number').textContent(), { timeout: 20_000 })
          .toMatch(/^SBX-202526-/);
        expect(await page.getByRole('heading', { name: 'Lodged', level: 2, exact: true }).isVisible()).toBe(
          true,
        );
        expect(await page.getByText('Not sent to the ATO', { exact: true }).first().isVisible()).toBe(true);
        // Read-only: no way to change a step, and the figures are those lodged.
        expect(await page.getByRole('link', { name: 'Review and lodge' }).count()).toBe(0);
        expect(await page.getByTestId('review-outcome').textContent()).toBe(dollars(REFUND.withReceipt));
        await shot(page, 'lodged');

        await page.getByRole('button', { name: 'Amend this return' }).click();
        await confirmItsYouIfAsked(
          page,
          () => totpCode(secret),
          () => page.getByRole('heading', { name: 'About you', level: 2, exact: true }).isVisible(),
        );
        await expect
          .poll(() => page.getByRole('heading', { name: 'About you', level: 2, exact: true }).isVisible(), {
            timeout: 20_000,
          })
          .toBe(true);
        // A new version, editable again, starting from what was lodged.
        expect(await page.getByRole('radio', { name: /^Yes, all year/ }).isChecked()).toBe(true);
        expect(await page.getByRole('radio', { name: /^Yes, all year/ }).isDisabled()).toBe(false);
        await expectEstimate(page, REFUND.withReceipt);
        await shot(page, 'amendment');
      },
    );
  });
}

/**
 * Sensitive actions ask for a fresh code ("Confirm it's you") unless one was given in the last
 * few minutes: answers the dialog if it opens, or returns once `done` shows it wasn't needed.
 */
async function confirmItsYouIfAsked(
  page: Parameters<typeof checkpoint>[0],
  code: () => Promise<string>,
  done: () => Promise<boolean>,
): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Confirm it’s you' });
  await expect.poll(async () => (await dialog.isVisible()) || (await done()), { timeout: 20_000 }).toBe(true);
  if (!(await dialog.isVisible())) return;
  await checkpoint(page, 'confirm-its-you');
  await dialog.getByLabel('6-digit code').fill(await code());
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect.poll(() => dialog.isVisible(), { timeout: 20_000 }).toBe(false);
}

function documentRow(page: Parameters<typeof checkpoint>[0], name: string) {
  return page
    .getByRole('list', { name: 'Your documents' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
}

async function expectEstimate(page: Parameters<typeof checkpoint>[0], refundCents: number): Promise<void> {
  await expect
    .poll(() => readEstimate(page), { timeout: 15_000 })
    .toEqual({ headline: 'Estimated refund', amount: dollars(refundCents) });
}
