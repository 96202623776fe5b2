import type { DocumentDto, TransactionDto } from '@numeri/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, signedInRoutes, type MockRequest, type MockRoutes } from '../../test/api-mock';
import { renderApp } from '../../test/render';
import { documentFixture, listOf, transactionFixture } from '../documents/test-fixtures';
import { claimedCents } from './TransactionsPage';
import { guessMapping, hasHeaderRow } from './MappingDialog';

const importSummary = {
  format: 'csv' as const,
  layout: 'commbank',
  encoding: 'utf-8',
  read: 3,
  imported: 3,
  duplicates: 0,
  suggestions: 2,
  errors: [],
  firstDate: '2024-09-01',
  lastDate: '2024-12-20',
  needsMapping: false,
};

function bankFile(overrides: Partial<DocumentDto> = {}) {
  return documentFixture({
    originalName: 'commbank.csv',
    contentType: 'text/csv',
    kind: 'bank-file',
    documentType: 'bank-statement',
    status: 'done',
    progress: 100,
    incomeYear: '2024-25',
    import: importSummary,
    ...overrides,
  });
}

const query = (request: MockRequest) => new URL(request.url, 'http://localhost').searchParams;

/** A tiny transactions server: filters like the real one, and applies claim/dismiss/reset. */
function transactionRoutes(state: {
  transactions: TransactionDto[];
  files: DocumentDto[];
  receipts?: DocumentDto[];
}): MockRoutes {
  const routes: MockRoutes = {
    ...signedInRoutes(),
    'GET /api/v1/documents': (request) =>
      json(listOf(query(request).get('kind') === 'bank-file' ? state.files : (state.receipts ?? []))),
    'GET /api/v1/transactions': (request) => {
      const q = query(request);
      const items = state.transactions.filter(
        (t) =>
          (!q.get('incomeYear') || t.incomeYear === q.get('incomeYear')) &&
          (!q.get('reviewStatus') || t.reviewStatus === q.get('reviewStatus')) &&
          (q.get('suggested') !== 'true' || t.suggestion !== null),
      );
      return json({ items, nextCursor: null });
    },
  };
  for (const transaction of state.transactions) {
    routes[`PATCH /api/v1/transactions/${transaction.id}`] = (request) => {
      const body = request.body as {
        action: string;
        label?: string;
        workUseBasisPoints?: number;
        evidenceDocumentId?: string | null;
      };
      const index = state.transactions.findIndex((t) => t.id === transaction.id);
      const current = state.transactions[index]!;
      const next: TransactionDto =
        body.action === 'claim'
          ? {
              ...current,
              reviewStatus: 'claimed',
              deductible: true,
              claim: {
                label: body.label as 'D5',
                workUseBasisPoints: body.workUseBasisPoints ?? 10_000,
                description: current.description,
              },
              evidenceDocumentId: body.evidenceDocumentId ?? null,
            }
          : body.action === 'dismiss'
            ? { ...current, reviewStatus: 'dismissed', deductible: false, claim: null }
            : { ...current, reviewStatus: 'unreviewed', deductible: null, claim: null };
      state.transactions[index] = next;
      return json(next);
    };
  }
  return routes;
}

const officeworks = () =>
  transactionFixture({
    description: 'OFFICEWORKS 0123 MELBOURNE',
    amountCents: -24_999,
    postedOn: '2024-09-12',
    suggestion: {
      category: 'Work equipment and stationery',
      dLabel: 'D5',
      confidence: 0.85,
      reason: 'Officeworks sells stationery and office equipment often used for work.',
      evidenceHint:
        'Keep the receipt showing what you bought; if you use it privately too, claim only the work share.',
      ruleId: 'officeworks',
    },
  });

const charity = () =>
  transactionFixture({
    description: 'RED CROSS AUSTRALIA DONATION',
    amountCents: -5_000,
    postedOn: '2024-10-01',
    suggestion: {
      category: 'Donation',
      dLabel: 'D9',
      confidence: 0.7,
      reason: 'A gift of $2 or more to a deductible gift recipient can be claimed.',
      evidenceHint: 'Keep the donation receipt from the charity.',
      ruleId: 'dgr-donation',
    },
  });

describe('bank transactions', () => {
  it('lists suggestions with their reason and records, claims one with a share and receipt, and totals claims', async () => {
    const user = userEvent.setup();
    const receipt = documentFixture({
      originalName: 'officeworks-receipt.jpg',
      contentType: 'image/jpeg',
      documentType: 'receipt',
      status: 'done',
    });
    const state = {
      transactions: [
        officeworks(),
        charity(),
        transactionFixture({ description: 'SALARY ACME', amountCents: 500_000 }),
      ],
      files: [bankFile()],
      receipts: [receipt],
    };
    const api = mockApi(transactionRoutes(state));
    renderApp('/documents/transactions');

    const suggestions = await screen.findByRole('list', { name: 'Possible deductions' });
    expect((screen.getByLabelText('Income year') as HTMLSelectElement).value).toBe('2024-25');
    const card = within(suggestions)
      .getByText('OFFICEWORKS 0123 MELBOURNE', { selector: 'p' })
      .closest('li')!;
    expect(within(card).getByText('Work equipment and stationery')).toBeTruthy();
    expect(within(card).getByText('Other work-related expenses (D5) · Likely')).toBeTruthy();
    expect(within(card).getByText(/Officeworks sells stationery/)).toBeTruthy();
    expect(within(card).getByText(/Keep the receipt showing what you bought/)).toBeTruthy();
    expect(screen.getByTestId('claimed-total').textContent).toBe('$0.00');

    await user.click(within(card).getByRole('button', { name: 'Claim OFFICEWORKS 0123 MELBOURNE' }));
    const dialog = await screen.findByRole('dialog', { name: 'Claim as a deduction' });
    expect((within(dialog).getByLabelText('Deduction') as HTMLSelectElement).value).toBe('D5');
    const share = within(dialog).getByLabelText('Work-related share');
    await user.clear(share);
    await user.type(share, '50');
    const receiptSelect = within(dialog).getByLabelText(/Receipt/);
    await within(receiptSelect).findByRole('option', { name: /officeworks-receipt\.jpg/ });
    await user.selectOptions(receiptSelect, receipt.id);
    await user.click(within(dialog).getByRole('button', { name: 'Claim it' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo(`PATCH /api/v1/transactions/${state.transactions[0]!.id}`)[0]!.body).toEqual({
      action: 'claim',
      label: 'D5',
      workUseBasisPoints: 5000,
      evidenceDocumentId: receipt.id,
    });
    expect(await within(card).findByText('Claimed at D5 · 50% work')).toBeTruthy();
    expect(within(card).getByText('Receipt attached')).toBeTruthy();
    // Half of $249.99 is 12,499.5 cents, rounded to $125.00.
    await waitFor(() => expect(screen.getByTestId('claimed-total').textContent).toBe('$125.00'));
    expect(screen.getByRole('list', { name: 'Claimed transactions' })).toBeTruthy();
  });

  it('dismisses a suggestion and undoes it', async () => {
    const user = userEvent.setup();
    const state = { transactions: [charity()], files: [bankFile()] };
    const api = mockApi(transactionRoutes(state));
    renderApp('/documents/transactions?year=2024-25');

    const card = (await screen.findByText('RED CROSS AUSTRALIA DONATION', { selector: 'p' })).closest('li')!;
    await user.click(within(card).getByRole('button', { name: 'Dismiss RED CROSS AUSTRALIA DONATION' }));
    expect(await within(card).findByText('Dismissed')).toBeTruthy();
    await user.click(
      within(card).getByRole('button', { name: 'Undo dismissal of RED CROSS AUSTRALIA DONATION' }),
    );
    expect(
      await within(card).findByRole('button', { name: 'Claim RED CROSS AUSTRALIA DONATION' }),
    ).toBeTruthy();
    expect(
      api.callsTo(`PATCH /api/v1/transactions/${state.transactions[0]!.id}`).map((call) => call.body),
    ).toEqual([{ action: 'dismiss' }, { action: 'reset' }]);
  });

  it('asks for the columns of an unrecognised CSV and sends the mapping', async () => {
    const user = userEvent.setup();
    const file = bankFile({
      originalName: 'credit-union.csv',
      status: 'needs-review',
      incomeYear: null,
      import: { ...importSummary, read: 0, imported: 0, suggestions: 0, layout: null, needsMapping: true },
    });
    const preview = {
      headers: ['When', 'What', 'Money', 'Left'],
      sample: [
        ['01/07/2024', 'COFFEE CART', '-4.50', '1000.00'],
        ['02/07/2024', 'OFFICEWORKS', '-24.99', '975.01'],
      ],
    };
    const api = mockApi({
      ...transactionRoutes({ transactions: [], files: [file] }),
      [`GET /api/v1/documents/${file.id}`]: () =>
        json({ ...file, import: { ...file.import!, mappingPreview: preview } }),
      [`POST /api/v1/documents/${file.id}/mapping`]: () => json({ ...file, status: 'queued', import: null }),
    });
    renderApp('/documents/transactions');

    await user.click(await screen.findByRole('button', { name: 'Choose the columns' }));
    const dialog = await screen.findByRole('dialog', { name: 'Which column is which?' });
    const table = within(dialog).getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['When', 'What', 'Money', 'Left']);
    expect(within(table).getByText('OFFICEWORKS')).toBeTruthy();

    await user.selectOptions(within(dialog).getByLabelText('Date'), 'When');
    await user.selectOptions(within(dialog).getByLabelText('Description'), 'What');
    await user.selectOptions(within(dialog).getByLabelText('Amount'), 'Money');
    await user.click(within(dialog).getByRole('button', { name: 'Import transactions' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo(`POST /api/v1/documents/${file.id}/mapping`)[0]!.body).toEqual({
      date: 0,
      description: 1,
      amount: 2,
      hasHeader: true,
      dateOrder: 'dmy',
    });
  });

  it('sends separate debit and credit columns when amounts are split', async () => {
    const user = userEvent.setup();
    const file = bankFile({ status: 'needs-review', import: { ...importSummary, needsMapping: true } });
    const preview = {
      headers: ['Column 1', 'Column 2', 'Column 3', 'Column 4'],
      sample: [['2024-07-01', 'RENT', '500.00', '']],
    };
    const api = mockApi({
      ...transactionRoutes({ transactions: [], files: [file] }),
      [`GET /api/v1/documents/${file.id}`]: () =>
        json({ ...file, import: { ...file.import!, mappingPreview: preview } }),
      [`POST /api/v1/documents/${file.id}/mapping`]: () => json({ ...file, status: 'queued' }),
    });
    renderApp('/documents/transactions');
    await user.click(await screen.findByRole('button', { name: 'Choose the columns' }));
    const dialog = await screen.findByRole('dialog');
    await user.selectOptions(within(dialog).getByLabelText('Date'), 'Column 1');
    await user.selectOptions(within(dialog).getByLabelText('Dates are written'), 'ymd');
    await user.selectOptions(within(dialog).getByLabelText('Description'), 'Column 2');
    await user.click(within(dialog).getByLabelText('In two columns: money out and money in'));
    await user.selectOptions(within(dialog).getByLabelText('Money out (debits)'), 'Column 3');
    await user.selectOptions(within(dialog).getByLabelText('Money in (credits)'), 'Column 4');
    await user.click(within(dialog).getByRole('button', { name: 'Import transactions' }));
    await waitFor(() => expect(api.callsTo(`POST /api/v1/documents/${file.id}/mapping`)).toHaveLength(1));
    expect(api.callsTo(`POST /api/v1/documents/${file.id}/mapping`)[0]!.body).toEqual({
      date: 0,
      description: 1,
      debit: 2,
      credit: 3,
      hasHeader: false,
      dateOrder: 'ymd',
    });
  });
});

describe('helpers', () => {
  it('claims the work share of a transaction in whole cents', () => {
    expect(
      claimedCents({
        amountCents: -24_999,
        claim: { label: 'D5', workUseBasisPoints: 5000, description: '' },
      }),
    ).toBe(12_500);
    expect(claimedCents({ amountCents: -1_000, claim: null })).toBe(1_000);
  });

  it('guesses columns from names and cells, and knows a header from generated names', () => {
    expect(hasHeaderRow(['Column 1', 'Column 2'])).toBe(false);
    expect(hasHeaderRow(['Date', 'Column 2'])).toBe(true);
    expect(
      guessMapping({
        headers: ['Date', 'Narrative', 'Debit', 'Credit'],
        sample: [['01/07/2024', 'X', '1.00', '']],
      }),
    ).toMatchObject({ date: 0, description: 1, debit: 2, credit: 3, mode: 'split' });
  });
});
