import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockApi, signedInRoutes } from '../../test/api-mock';
import { renderApp } from '../../test/render';
import { employer, item, returnView, summaryOf } from '../returns/test-fixtures';

const doc = (id: string) => ({
  id,
  ownerId: '3f1c1d2e-8b7a-4c5d-9e0f-1a2b3c4d5e6f',
  originalName: 'payslip.pdf',
  contentType: 'application/pdf',
  kind: 'document',
  sizeBytes: 1000,
  documentType: 'income-statement',
  status: 'needs-review',
  progress: 100,
  incomeYear: '2025-26',
  pageCount: 1,
  failureReason: null,
  fields: [],
  classification: null,
  warnings: [],
  textSource: 'text-layer',
  suggestedDeductionLabel: null,
  import: null,
  confirmedAt: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
});

// "This year's return" is the income year that ended last: 2025-26 in November 2026.
beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-28T03:00:00Z'), toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('dashboard', () => {
  it('shows each year’s status and refund, documents waiting, what to do next, and the chart’s table', async () => {
    // 2025-26: in progress, $85,000 salary, $18,000 withheld, study loan not answered yet.
    const current = returnView(
      {
        sections: ['employment'],
        facts: { residency: { kind: 'resident' } },
        items: [employer({ grossPaymentsCents: 9_000_000 })],
      },
      { incomeYear: '2025-26', id: '44444444-4444-4444-8444-444444444444' },
    );
    // 2024-25: lodged, $85,000 salary, $18,000 withheld → refund $12.00.
    const last = returnView(
      {
        sections: ['employment'],
        facts: { residency: { kind: 'resident' }, hasStudyLoan: false },
        items: [employer()],
      },
      { status: 'lodged', lodgedAt: '2025-08-01T00:00:00.000Z' },
    );
    mockApi({
      ...signedInRoutes(),
      'GET /api/v1/returns': () => json([summaryOf(current), summaryOf(last)]),
      'GET /api/v1/returns/2025-26': () => json(current),
      'GET /api/v1/returns/2024-25': () => json(last),
      'GET /api/v1/documents': () =>
        json({
          items: [doc('55555555-5555-4555-8555-555555555555'), doc('66666666-6666-4666-8666-666666666666')],
          nextCursor: null,
        }),
    });
    renderApp('/');

    expect(await screen.findByRole('heading', { name: 'Your tax, year by year' })).toBeTruthy();
    const years = await screen.findByRole('region', { name: 'Your returns' });
    const lodged = within(years).getByRole('link', { name: /2024–25/ });
    expect(within(lodged).getByText('Refund $12.00')).toBeTruthy();
    expect(within(lodged).getByText('Lodged (sandbox)')).toBeTruthy();
    const draft = within(years).getByRole('link', { name: /2025–26/ });
    expect(within(draft).getByText('In progress')).toBeTruthy();
    await waitFor(() => expect(within(draft).getByText('1 answer needed')).toBeTruthy());

    expect((await screen.findByTestId('documents-waiting')).textContent).toBe('2');

    const next = screen.getByRole('region', { name: 'What to do next' });
    expect(within(next).getByText('2 documents are waiting for you to check')).toBeTruthy();
    expect(within(next).getByText('Do you have a HELP or other study and training loan?')).toBeTruthy();
    expect(
      within(next)
        .getByRole('link', { name: /Answer: Do you have a HELP/ })
        .getAttribute('href'),
    ).toBe('/returns/2025-26/study-loan');

    // The chart's figures as a table: income, deductions and tax per year, oldest first.
    const table = await screen.findByRole('table', { name: 'Income, deductions and tax by income year' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    // 2024-25: tax $16,288 + Medicare $1,700 = $17,988. 2025-26 ($90,000): $4,288 + 30% × $45,000 = $17,788 + $1,800 = $19,588.
    expect(rows).toEqual([
      ['$85,000', '$0', '$17,988'],
      ['$90,000', '$0', '$19,588'],
    ]);
  });

  it('when everything is answered, a claim without its record comes before “review and lodge”', async () => {
    const ready = returnView(
      {
        sections: ['employment', 'work-deductions'],
        facts: { residency: { kind: 'resident' }, hasStudyLoan: false },
        items: [
          employer(),
          item({
            id: '22222222-2222-4222-8222-222222222222',
            kind: 'deduction',
            source: 'manual',
            label: 'D3',
            description: 'Hi-vis shirts',
            amountCents: 12_050,
            evidence: [],
          }),
        ],
      },
      { incomeYear: '2025-26', id: '44444444-4444-4444-8444-444444444444' },
    );
    expect(ready.missing).toEqual([]);
    mockApi({
      ...signedInRoutes(),
      'GET /api/v1/returns': () => json([summaryOf(ready)]),
      'GET /api/v1/returns/2025-26': () => json(ready),
      'GET /api/v1/documents': () => json({ items: [], nextCursor: null }),
    });
    renderApp('/');

    const next = await screen.findByRole('region', { name: 'What to do next' });
    await waitFor(() => expect(within(next).getByText('A claim has no record attached')).toBeTruthy());
    const titles = within(next)
      .getAllByRole('link')
      .map((link) => link.getAttribute('aria-label') ?? link.textContent);
    expect(titles).toEqual([expect.stringMatching(/Attach records/), expect.stringMatching(/Review/)]);
    expect(
      within(next)
        .getByRole('link', { name: /Attach records/ })
        .getAttribute('href'),
    ).toBe('/returns/2025-26/review');
  });

  it('a new person sees one clear next step: start this year’s return', async () => {
    const api = mockApi({
      ...signedInRoutes(),
      'GET /api/v1/returns': () => json([]),
      'GET /api/v1/documents': () => json({ items: [], nextCursor: null }),
      'POST /api/v1/returns': () => json(returnView({}, { incomeYear: '2025-26', version: 1 }), 201),
      'GET /api/v1/returns/2025-26': () => json(returnView({}, { incomeYear: '2025-26', version: 1 })),
      'GET /api/v1/returns/2025-26/comments': () => json([]),
    });
    const user = userEvent.setup();
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Start your 2025–26 tax return' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Start my 2025–26 return/ }));
    expect(await screen.findByRole('heading', { name: 'What applies to you?' })).toBeTruthy();
    expect(api.callsTo('POST /api/v1/returns')[0]!.body).toEqual({
      incomeYear: '2025-26',
      copyFromPrevious: true,
    });
  });
});
