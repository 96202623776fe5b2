import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { generate } from 'otplib';
import type { Locator, Page } from 'playwright-core';
import { expect, inject, it, type TestContext } from 'vitest';
import { screenshot, seriousA11yViolations, url } from './browser';

export type Viewport = 'desktop' | 'phone';

// ── people ──────────────────────────────────────────────────────────────────────────────────

export interface Person {
  givenName: string;
  familyName: string;
  email: string;
  password: string;
}

/** A new person with an address no other test (or earlier run on the same data folder) uses. */
export function newPerson(label: string): Person {
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return {
    givenName: 'Alex',
    familyName: 'Tester',
    email: `e2e-${label}-${unique}@example.com`,
    password: 'paper lantern orbit 42 ridge',
  };
}

// ── each step: a screenshot, then axe ───────────────────────────────────────────────────────

/**
 * Saves a screenshot of the step and checks the page with axe-core: no serious or critical WCAG
 * violations. The screenshot is taken first so a failing check still leaves the picture.
 */
export async function checkpoint(page: Page, name: string): Promise<void> {
  const file = await screenshot(page, name);
  const violations = await seriousA11yViolations(page);
  expect(violations, `axe on ${page.url()} (screenshot ${file})`).toEqual([]);
}

// ── navigation ──────────────────────────────────────────────────────────────────────────────

/** The main navigation: links in the header on wide screens, a "Menu" button on phones. */
export async function navigate(page: Page, viewport: Viewport, name: string): Promise<void> {
  if (viewport === 'phone') {
    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    await page.getByRole('menuitem', { name, exact: true }).click();
  } else {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  }
}

/** A step of the return interview from the progress rail (a fold-out list on phones). */
export async function openReturnStep(page: Page, viewport: Viewport, title: string): Promise<void> {
  if (viewport === 'phone') {
    await page.locator('details:has(nav[aria-label="Steps of your return"]) > summary').click();
  }
  await page
    .getByRole('navigation', { name: 'Steps of your return' })
    .getByRole('link', { name: new RegExp(`^${title}( \\(|$)`) })
    .click();
  await expect
    .poll(() => page.getByRole('heading', { name: title, level: 2, exact: true }).isVisible())
    .toBe(true);
}

/** Waits for the page's first-level heading to read `name`. */
export async function expectHeading(page: Page, name: string | RegExp): Promise<void> {
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), { timeout: 20_000 })
    .toMatch(typeof name === 'string' ? new RegExp(`^${escapeRegExp(name)}$`) : name);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ── email (the embedded mailer writes .eml files to <DATA_DIR>/outbox) ──────────────────────

/** The newest email to `to` whose subject matches, waiting for it to be written. */
export async function emailTo(to: string, subject: RegExp): Promise<{ subject: string; text: string }> {
  const outbox = path.join(inject('dataDir'), 'outbox');
  let found: { subject: string; text: string } | undefined;
  await expect
    .poll(
      async () => {
        const names = (await fs.readdir(outbox).catch(() => [] as string[])).filter((n) =>
          n.endsWith('.eml'),
        );
        for (const name of names.sort().reverse()) {
          const mail = await simpleParser(await fs.readFile(path.join(outbox, name)));
          const recipients = [mail.to ?? []].flat().flatMap((address) => address.value.map((v) => v.address));
          if (recipients.includes(to) && subject.test(mail.subject ?? '')) {
            found = { subject: mail.subject ?? '', text: mail.text ?? '' };
            return true;
          }
        }
        return false;
      },
      { timeout: 15_000, interval: 250, message: `an email to ${to} with subject ${subject}` },
    )
    .toBe(true);
  return found!;
}

/** The path and query of the first link to this app in an email (`/verify-email?token=…`). */
export function appLinkIn(text: string, pathname: string): string {
  const match = new RegExp(`https?://[^\\s]+${escapeRegExp(pathname)}\\?token=[\\w-]+`).exec(text);
  if (!match) throw new Error(`no ${pathname} link in the email:\n${text}`);
  const link = new URL(match[0]);
  return `${link.pathname}${link.search}`;
}

// ── two-factor codes ────────────────────────────────────────────────────────────────────────

const STEP_MS = 30_000;
const lastStep = new Map<string, number>();

/**
 * The authenticator app's current code. Numeri accepts each 30-second step once, so a second code
 * waits for the next step; a code is never taken in the last two seconds of its step.
 */
export async function totpCode(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / STEP_MS);
    const left = (step + 1) * STEP_MS - now;
    if ((lastStep.get(secret) ?? -1) < step && left > 2_000) {
      lastStep.set(secret, step);
      return generate({ secret, epoch: Math.floor(now / 1000) });
    }
    await new Promise((resolve) => setTimeout(resolve, left + 250));
  }
}

// ── money ───────────────────────────────────────────────────────────────────────────────────

/** 151200 → "$1,512.00", as the app writes dollars and cents. */
export function dollars(cents: number): string {
  return (cents / 100).toLocaleString('en-AU', { style: 'currency', currency: 'AUD' });
}

/** The live estimate beside the interview (a sticky card on wide screens, a bar at the foot on phones). */
export function estimatePanel(page: Page): Locator {
  return page
    .getByRole('complementary', { name: 'Your estimate' })
    .or(page.getByRole('region', { name: 'Your estimate' }));
}

/** "Estimated refund · 2025–26 $1,512.00 …" → { headline: 'Estimated refund', amount: '$1,512.00' }. */
export async function readEstimate(page: Page): Promise<{ headline: string; amount: string }> {
  const text = (await estimatePanel(page).first().innerText()).replace(/\s+/g, ' ').trim();
  const headline = /^(Estimated refund|Estimated amount to pay|Nothing to pay or refund|Your estimate)/.exec(
    text,
  );
  const amount = /\$[\d,]+\.\d{2}/.exec(text);
  return { headline: headline?.[1] ?? text.slice(0, 40), amount: amount?.[0] ?? '' };
}

// ── files ───────────────────────────────────────────────────────────────────────────────────

const require = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));

/** The text of a PDF, page by page, as pdf.js reads it (lines joined with spaces). */
export async function pdfText(data: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({
    data,
    standardFontDataUrl: `${PDFJS_DIR}/standard_fonts/`,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(
      content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join(''),
    );
  }
  await doc.destroy();
  return pages.join('\n');
}

// ── accounts ────────────────────────────────────────────────────────────────────────────────

/** Fills in and sends the sign-up form. */
export async function submitSignUp(page: Page, person: Person): Promise<void> {
  await page.getByLabel('First name').fill(person.givenName);
  await page.getByLabel('Last name').fill(person.familyName);
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Fills in and sends the sign-in form's first step (email and password). */
export async function submitSignIn(page: Page, person: Person): Promise<void> {
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Signs up, follows the link in the confirmation email and signs in (no 2FA): the dashboard shows. */
export async function signUpAndSignIn(page: Page, person: Person): Promise<void> {
  await page.goto(url('/sign-up'));
  await submitSignUp(page, person);
  await expectHeading(page, 'Check your email');
  const email = await emailTo(person.email, /confirm your email/i);
  await page.goto(url(appLinkIn(email.text, '/verify-email')));
  await expectHeading(page, 'Your email is confirmed');
  await page.goto(url('/sign-in'));
  await submitSignIn(page, person);
  await expectHeading(page, 'Your tax, year by year');
}

// ── steps ───────────────────────────────────────────────────────────────────────────────────

/**
 * `it` for steps that share one browser and one account, in order: once one fails, the rest are
 * skipped (they would fail for the same reason and bury it).
 */
export function stepsInOrder(): (name: string, body: () => Promise<void>) => void {
  let failed = false;
  return (name, body) =>
    it(name, async (context: TestContext) => {
      if (failed) context.skip('an earlier step failed');
      try {
        await body();
      } catch (error) {
        failed = true;
        throw error;
      }
    });
}
