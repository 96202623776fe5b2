import { afterAll, beforeAll, describe, expect } from 'vitest';
import {
  checkpoint,
  expectHeading,
  navigate,
  newPerson,
  openReturnStep,
  signUpAndSignIn,
  stepsInOrder,
} from '../support/app';
import { DESKTOP, openBrowser } from '../support/browser';
import { commbankCsv, lockedIncomeStatementPdf } from '../support/documents';

/**
 * The two other ways paperwork arrives, in the browser: a bank export (CSV) whose transactions are
 * imported once, with likely deductions suggested for the person to claim or dismiss — a claim
 * lands on the return with the statement as its evidence — and a password-protected PDF, which
 * asks for its password, says so when it is wrong, and is read once the right one is given.
 */

const YEAR = '2025-26';
const YEAR_NAME = '2025–26';
const BANK_FILE = 'netbank-transactions.csv';
const LOCKED_FILE = 'payroll-statement-locked.pdf';
const PDF_PASSWORD = '14071988';
const UNION = 'UNITED WORKERS UNION MEMBERSHIP';
const STATIONERY = 'OFFICEWORKS 0423 PARRAMATTA';
const TRANSACTIONS = [
  { date: '2025-08-15', cents: -5_200, description: UNION },
  { date: '2025-09-02', cents: -8_995, description: STATIONERY },
  { date: '2025-09-10', cents: -12_035, description: 'WOOLWORTHS 1234 SYDNEY' },
  { date: '2025-09-14', cents: 326_923, description: 'SALARY KOOKABURRA ANALYTICS' },
];

describe('a bank export and a password-protected PDF (desktop)', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  const person = newPerson('bank');

  const step = stepsInOrder();
  const documentRow = (name: string) =>
    browser.page
      .getByRole('list', { name: 'Your documents' })
      .getByRole('listitem')
      .filter({ hasText: name });

  beforeAll(async () => {
    browser = await openBrowser(DESKTOP);
  });
  afterAll(() => browser?.close());

  step('signs up and signs in', () => signUpAndSignIn(browser.page, person));

  step('imports a bank export and says what it found', async () => {
    const { page } = browser;
    await navigate(page, 'desktop', 'Documents');
    await expectHeading(page, 'Documents');
    await page.getByLabel('Choose files to upload').setInputFiles(commbankCsv(TRANSACTIONS, BANK_FILE));
    const row = documentRow(BANK_FILE);
    await expect.poll(() => row.textContent(), { timeout: 60_000 }).toMatch(/4 transactions/);
    await checkpoint(page, 'bank-file-imported');

    await expect.poll(() => row.textContent()).toContain('2 possible deductions');
  });

  step('claims the union fees as a work expense and dismisses the stationery', async () => {
    const { page } = browser;
    await documentRow(BANK_FILE).getByRole('link', { name: 'Review transactions' }).click();
    await expectHeading(page, 'Bank transactions');
    const suggestions = page.getByRole('list', { name: 'Possible deductions' });
    await expect.poll(() => suggestions.getByRole('listitem').count(), { timeout: 20_000 }).toBe(2);
    await checkpoint(page, 'bank-suggestions');

    await page.getByRole('button', { name: `Claim ${UNION}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Claim as a deduction' });
    expect(await dialog.getByLabel('Deduction').inputValue()).toBe('D5');
    await checkpoint(page, 'bank-claim-dialog');
    await dialog.getByRole('button', { name: 'Claim it' }).click();
    const claimed = page.getByRole('list', { name: 'Claimed transactions' });
    await expect.poll(() => claimed.textContent(), { timeout: 20_000 }).toContain(UNION);
    await expect.poll(() => claimed.textContent()).toContain('Claimed at D5');

    await page.getByRole('button', { name: `Dismiss ${STATIONERY}` }).click();
    await expect
      .poll(() => page.getByRole('button', { name: `Undo dismissal of ${STATIONERY}` }).isVisible())
      .toBe(true);
    // Both stay in the list, each with what was decided and a way to undo it.
    await expect.poll(() => suggestions.textContent()).toContain('Dismissed');
    await checkpoint(page, 'bank-claimed-and-dismissed');
  });

  step('finds the claim on the return, with the bank statement as its evidence', async () => {
    const { page } = browser;
    await navigate(page, 'desktop', 'Returns');
    await page
      .getByRole('link', { name: new RegExp(YEAR_NAME) })
      .first()
      .click();
    await expectHeading(page, `Your ${YEAR_NAME} tax return`);
    await openReturnStep(page, 'desktop', 'Work expenses');
    const claim = page.getByRole('article', { name: UNION });
    await expect.poll(() => claim.textContent()).toContain('From a bank transaction');
    expect(await claim.textContent()).toContain('D5 · $52');
    expect(await claim.getByRole('link', { name: 'Bank transaction 15 Aug 2025' }).count()).toBe(1);
    // $52 of work expenses in all: the ATO needs no receipt at $300 or less, and says so.
    expect(await claim.textContent()).toContain('Record attached');
    expect(await claim.textContent()).toContain('come to $300 or less');
    // Dismissed means not claimed.
    expect(await page.getByRole('article', { name: STATIONERY }).count()).toBe(0);
    await checkpoint(page, 'return-with-bank-claim');
  });

  step('asks for a locked PDF’s password, refuses a wrong one, and reads it with the right one', async () => {
    const { page } = browser;
    await navigate(page, 'desktop', 'Documents');
    await expectHeading(page, 'Documents');
    const locked = await lockedIncomeStatementPdf(
      {
        employer: 'KOOKABURRA ANALYTICS PTY LTD',
        payee: `${person.givenName} ${person.familyName}`.toUpperCase(),
        grossCents: 8_500_000,
        withheldCents: 1_950_000,
      },
      PDF_PASSWORD,
      LOCKED_FILE,
    );
    await page.getByLabel('Choose files to upload').setInputFiles(locked);
    const row = documentRow(LOCKED_FILE);
    await expect
      .poll(() => row.textContent(), { timeout: 60_000 })
      .toContain('This PDF is protected by a password.');
    await checkpoint(page, 'locked-pdf-needs-password');

    await row.getByRole('button', { name: 'Enter password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enter the PDF’s password' });
    await dialog.getByLabel('Password', { exact: true }).fill('01011990');
    await dialog.getByRole('button', { name: 'Open the PDF' }).click();
    await expect.poll(() => dialog.textContent(), { timeout: 20_000 }).toContain('is not right for this PDF');
    await checkpoint(page, 'locked-pdf-wrong-password');

    await dialog.getByLabel('Password', { exact: true }).fill(PDF_PASSWORD);
    await dialog.getByRole('button', { name: 'Open the PDF' }).click();
    await expect.poll(() => dialog.isVisible(), { timeout: 20_000 }).toBe(false);
    await expect
      .poll(() => row.getByTestId('status-chip').textContent(), { timeout: 60_000 })
      .toBe('Needs review');
    await expect.poll(() => row.textContent()).toContain(`Income statement · ${YEAR_NAME}`);
    await checkpoint(page, 'locked-pdf-read');

    await page.getByRole('link', { name: `Review ${LOCKED_FILE}` }).click();
    const figures = page.getByRole('list', { name: 'Figures read from the document' });
    await expect.poll(() => figures.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await figures.getByLabel('Gross payments').inputValue()).toBe('85,000');
    expect(await page.getByLabel('Income year').inputValue()).toBe(YEAR);
  });
});
