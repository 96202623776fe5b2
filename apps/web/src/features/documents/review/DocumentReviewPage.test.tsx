import type { DocumentDto } from '@numeri/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockApi, problem, signedInRoutes, type MockRoutes } from '../../../test/api-mock';
import { renderApp, testQueryClient } from '../../../test/render';
import { Providers } from '../../../app/Providers';
import { ReviewForm } from './ReviewForm';
import { createRef } from 'react';
import { render } from '@testing-library/react';
import { documentFixture, fieldFixture } from '../test-fixtures';
import { draftValue, initialDraft, parseDayFirst } from './field-values';
import type * as PdfModule from './pdf';

const loadPdfJs = vi.hoisted(() => vi.fn());
vi.mock('./pdf', async (importOriginal) => ({ ...(await importOriginal<typeof PdfModule>()), loadPdfJs }));

beforeEach(() => {
  vi.stubGlobal(
    'URL',
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:preview'), revokeObjectURL: vi.fn() }),
  );
});

function incomeStatement(overrides: Partial<DocumentDto> = {}): DocumentDto {
  return documentFixture({
    originalName: 'income-statement.png',
    contentType: 'image/png',
    documentType: 'income-statement',
    status: 'needs-review',
    progress: 100,
    incomeYear: '2024-25',
    pageCount: 1,
    warnings: ['Tax withheld is more than half of gross payments; check it.'],
    fields: [
      fieldFixture({
        key: 'payerName',
        label: 'Payer name',
        valueType: 'text',
        value: 'Acme Pty Ltd',
        raw: 'Acme Pty Ltd',
        confidence: 0.95,
        region: { page: 1, x: 0.1, y: 0.08, w: 0.3, h: 0.025 },
        returnLabel: { item: 'Item 1', description: 'Payer', role: 'identity' },
      }),
      fieldFixture({
        key: 'grossPayments',
        label: 'Gross payments',
        valueType: 'money',
        value: 8_543_210,
        raw: '$85,432.10',
        confidence: 0.97,
        region: { page: 1, x: 0.125, y: 0.25, w: 0.2, h: 0.03 },
        returnLabel: { item: 'Item 1', label: 'C', description: 'Salary or wages', role: 'income' },
      }),
      fieldFixture({
        key: 'taxWithheld',
        label: 'Tax withheld',
        valueType: 'money',
        value: 4_500_000,
        raw: '$45,OOO.00',
        confidence: 0.55,
        region: { page: 1, x: 0.6, y: 0.3125, w: 0.15, h: 0.03 },
        returnLabel: { item: 'Item 1', description: 'Tax withheld', role: 'credit' },
      }),
    ],
    ...overrides,
  });
}

function reviewRoutes(document: DocumentDto, overrides: MockRoutes = {}): MockRoutes {
  return {
    ...signedInRoutes(),
    [`GET /api/v1/documents/${document.id}`]: () => json(document),
    [`GET /api/v1/documents/${document.id}/file`]: () =>
      new Response(new Uint8Array([137, 80, 78, 71]), { headers: { 'Content-Type': document.contentType } }),
    ...overrides,
  };
}

describe('the review form', () => {
  it('takes the year and suggestion that arrive after it first drew, until the person picks their own', async () => {
    const user = userEvent.setup();
    // First drawn from the copy the live status stream patched (status only), then from the refetch.
    const stale = documentFixture({
      documentType: 'receipt',
      status: 'needs-review',
      incomeYear: null,
      fields: [],
    });
    const fresh: DocumentDto = { ...stale, incomeYear: '2025-26', suggestedDeductionLabel: 'D5' };
    const props = {
      activeId: null,
      onActivate: () => {},
      inputs: Object.assign(createRef<Map<string, HTMLInputElement>>(), { current: new Map() }),
      onConfirmed: () => {},
    };
    const client = testQueryClient();
    const view = render(
      <Providers queryClient={client}>
        <ReviewForm document={stale} {...props} />
      </Providers>,
    );
    expect((screen.getByLabelText('Income year') as HTMLSelectElement).value).toBe('');

    view.rerender(
      <Providers queryClient={client}>
        <ReviewForm document={fresh} {...props} />
      </Providers>,
    );
    expect((screen.getByLabelText('Income year') as HTMLSelectElement).value).toBe('2025-26');
    expect((screen.getByLabelText('What is this receipt for?') as HTMLSelectElement).value).toBe('D5');

    // Once chosen, the person's answer stays through later refetches.
    await user.selectOptions(screen.getByLabelText('Income year'), '2024-25');
    view.rerender(
      <Providers queryClient={client}>
        <ReviewForm document={{ ...fresh, updatedAt: new Date().toISOString() }} {...props} />
      </Providers>,
    );
    expect((screen.getByLabelText('Income year') as HTMLSelectElement).value).toBe('2024-25');
  });
});

describe('reviewing a document', () => {
  it('lists the fields with confidence in words and where each goes on the return', async () => {
    const document = incomeStatement();
    mockApi(reviewRoutes(document));
    renderApp(`/documents/${document.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'income-statement.png' })).toBeTruthy();
    const fields = screen.getByRole('list', { name: 'Figures read from the document' });
    const gross = within(fields).getByLabelText('Gross payments') as HTMLInputElement;
    expect(gross.value).toBe('85,432.10');
    expect(within(fields).getByLabelText('Payer name')).toHaveProperty('value', 'Acme Pty Ltd');

    const grossRow = gross.closest('li')!;
    expect(within(grossRow).getByText('Checked')).toBeTruthy();
    expect(within(grossRow).getByText('Goes to Item 1 label C — Salary or wages')).toBeTruthy();

    const taxRow = within(fields).getByLabelText('Tax withheld').closest('li')!;
    expect(within(taxRow).getByText('Please check')).toBeTruthy();
    expect(
      within(taxRow).getByText('Tax withheld is more than half of gross payments; check it.'),
    ).toBeTruthy();
    expect(within(taxRow).getByText('Read from the document as “$45,OOO.00”.')).toBeTruthy();

    expect(screen.getByText(/Numeri read this as/).textContent).toContain('income statement');
    expect((screen.getByLabelText('Income year') as HTMLSelectElement).value).toBe('2024-25');
    expect(screen.getByRole('button', { name: 'Confirm and add to my 2024–25 return' })).toBeTruthy();
    expect((await screen.findByRole('img', { name: /the uploaded photo/ })).getAttribute('src')).toBe(
      'blob:preview',
    );
  });

  it('draws each field’s region over the page and links hover/focus both ways', async () => {
    const user = userEvent.setup();
    const document = incomeStatement();
    mockApi(reviewRoutes(document));
    renderApp(`/documents/${document.id}`);

    const box = await screen.findByTestId('region-grossPayments');
    expect(box.style.left).toBe('12.5%');
    expect(box.style.top).toBe('25%');
    expect(box.style.width).toBe('20%');
    expect(box.style.height).toBe('3%');
    expect(screen.getByTestId('region-taxWithheld').style.top).toBe('31.25%');

    // Focusing a field highlights its box…
    const gross = screen.getByLabelText('Gross payments');
    await user.click(gross);
    expect(box.getAttribute('data-active')).toBe('true');
    expect(screen.getByTestId('region-taxWithheld').hasAttribute('data-active')).toBe(false);

    // …and hovering a box highlights its field; clicking it focuses the field.
    const taxBox = screen.getByTestId('region-taxWithheld');
    fireEvent.mouseEnter(taxBox);
    expect(taxBox.getAttribute('data-active')).toBe('true');
    expect(screen.getByLabelText('Tax withheld').closest('li')!.className).toContain('bg-amber-50');
    fireEvent.click(taxBox);
    expect(window.document.activeElement).toBe(screen.getByLabelText('Tax withheld'));
  });

  it('confirms with the corrected amount in exact cents and the chosen income year', async () => {
    const user = userEvent.setup();
    const document = incomeStatement();
    const api = mockApi(
      reviewRoutes(document, {
        [`POST /api/v1/documents/${document.id}/confirm`]: () =>
          json({
            document: {
              ...document,
              status: 'done',
              incomeYear: '2023-24',
              confirmedAt: '2025-07-04T00:00:00.000Z',
            },
            incomeYear: '2023-24',
            itemsApplied: 1,
          }),
      }),
    );
    renderApp(`/documents/${document.id}`);

    const tax = await screen.findByLabelText('Tax withheld');
    await user.clear(tax);
    await user.type(tax, '12.345');
    await user.click(screen.getByRole('button', { name: 'Confirm and add to my 2024–25 return' }));
    expect(await screen.findByText('The amount must have at most two decimal places.')).toBeTruthy();
    expect(api.callsTo(`POST /api/v1/documents/${document.id}/confirm`)).toHaveLength(0);

    await user.clear(tax);
    // 4,501.15 × 100 is 450114.99999999994 in floating point: it must still be 450,115 cents.
    await user.type(tax, '4,501.15');
    await user.selectOptions(screen.getByLabelText('Income year'), '2023-24');
    await user.click(screen.getByRole('button', { name: 'Confirm and add to my 2023–24 return' }));

    const success = await screen.findByText('Added to your 2023–24 return');
    expect(api.callsTo(`POST /api/v1/documents/${document.id}/confirm`)[0]!.body).toEqual({
      incomeYear: '2023-24',
      fields: [{ key: 'taxWithheld', value: 450_115 }],
    });
    const alert = success.closest('[role="status"]') as HTMLElement;
    expect(within(alert).getByRole('link', { name: 'Go to your 2023–24 return' }).getAttribute('href')).toBe(
      '/returns/2023-24',
    );
  });

  it('puts the server’s field errors beside the fields', async () => {
    const user = userEvent.setup();
    const document = incomeStatement();
    mockApi(
      reviewRoutes(document, {
        [`POST /api/v1/documents/${document.id}/confirm`]: () =>
          problem(400, 'VALIDATION_FAILED', 'Some values are not valid', {
            errors: [{ field: 'grossPayments', message: 'must be an amount in whole cents' }],
          }),
      }),
    );
    renderApp(`/documents/${document.id}`);
    await user.click(await screen.findByRole('button', { name: 'Confirm and add to my 2024–25 return' }));
    expect(await screen.findByText('Gross payments must be an amount in whole cents.')).toBeTruthy();
  });

  it('asks a receipt for its deduction label in plain words and its work share', async () => {
    const user = userEvent.setup();
    const receipt = documentFixture({
      originalName: 'officeworks.jpg',
      contentType: 'image/jpeg',
      documentType: 'receipt',
      status: 'needs-review',
      incomeYear: '2024-25',
      suggestedDeductionLabel: 'D5',
      fields: [
        fieldFixture({
          key: 'total',
          label: 'Total',
          valueType: 'money',
          value: 24_900,
          confidence: 0.92,
          region: { page: 1, x: 0.5, y: 0.8, w: 0.2, h: 0.04 },
          returnLabel: {
            item: 'D5',
            description: 'Other work-related expenses',
            role: 'deduction-candidate',
          },
        }),
      ],
    });
    const api = mockApi(
      reviewRoutes(receipt, {
        [`POST /api/v1/documents/${receipt.id}/confirm`]: () =>
          json({
            document: { ...receipt, status: 'done', confirmedAt: '2025-07-04T00:00:00.000Z' },
            incomeYear: '2024-25',
            itemsApplied: 1,
          }),
      }),
    );
    renderApp(`/documents/${receipt.id}`);

    const label = (await screen.findByLabelText('What is this receipt for?')) as HTMLSelectElement;
    expect(label.value).toBe('D5');
    expect(within(label).getByRole('option', { name: 'Gifts or donations (D9)' })).toBeTruthy();
    await user.selectOptions(label, 'D3');
    const share = screen.getByLabelText('Work-related share');
    await user.clear(share);
    await user.type(share, '60');
    await user.click(screen.getByRole('button', { name: 'Confirm and add to my 2024–25 return' }));
    await screen.findByText('Added to your 2024–25 return');
    expect(api.callsTo(`POST /api/v1/documents/${receipt.id}/confirm`)[0]!.body).toEqual({
      incomeYear: '2024-25',
      fields: [],
      deduction: { label: 'D3', workUseBasisPoints: 6000 },
    });
  });

  it('shows what a confirmed document put on the return', async () => {
    const document = incomeStatement({
      status: 'done',
      confirmedAt: '2025-07-04T03:00:00.000Z',
      warnings: [],
    });
    mockApi(reviewRoutes(document));
    renderApp(`/documents/${document.id}`);
    expect(await screen.findByText('On your 2024–25 return')).toBeTruthy();
    expect(screen.getByText('$85,432.10')).toBeTruthy();
    expect(screen.getByText('Goes to Item 1 label C — Salary or wages')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Confirm and add/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Change these figures' })).toBeTruthy();
  });

  it('shows a client’s document read-only to their tax agent', async () => {
    const clientId = '7d4e2a10-3b5c-4d6e-8f70-91a2b3c4d5e6';
    const document = incomeStatement({ ownerId: clientId });
    const api = mockApi(reviewRoutes(document));
    renderApp(`/documents/${document.id}?ownerId=${clientId}`);

    expect(await screen.findByText('Your client hasn’t confirmed these figures.')).toBeTruthy();
    expect(screen.getByText('$85,432.10')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Confirm and add/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Not right?' })).toBeNull();
    expect(api.callsTo(`GET /api/v1/documents/${document.id}`)[0]!.url).toContain(`ownerId=${clientId}`);
    await waitFor(() =>
      expect(api.callsTo(`GET /api/v1/documents/${document.id}/file`)[0]!.url).toContain(
        `ownerId=${clientId}`,
      ),
    );
  });

  it('renders PDF pages with pdf.js and puts each box on its own page', async () => {
    const rendered: number[] = [];
    const getDocument = vi.fn(() => ({
      promise: Promise.resolve({
        numPages: 2,
        getPage: async (page: number) => ({
          getViewport: ({ scale }: { scale: number }) => ({ width: 600 * scale, height: 800 * scale }),
          render: () => {
            rendered.push(page);
            return { promise: Promise.resolve(), cancel: () => {} };
          },
        }),
      }),
      destroy: async () => {},
    }));
    loadPdfJs.mockResolvedValue({ getDocument });
    const document = incomeStatement({
      originalName: 'statement.pdf',
      contentType: 'application/pdf',
      pageCount: 2,
      fields: [
        fieldFixture({
          key: 'grossPayments',
          label: 'Gross payments',
          valueType: 'money',
          value: 100,
          region: { page: 2, x: 0.1, y: 0.5, w: 0.2, h: 0.05 },
        }),
      ],
    });
    mockApi(reviewRoutes(document));
    renderApp(`/documents/${document.id}`);

    expect(await screen.findByRole('img', { name: 'Page 2' })).toBeTruthy();
    await waitFor(() => expect(rendered.sort()).toEqual([1, 2]));
    expect(getDocument).toHaveBeenCalledWith(expect.objectContaining({ isEvalSupported: false }));
    const box = screen.getByTestId('region-grossPayments');
    expect(box.closest('[data-page]')!.getAttribute('data-page')).toBe('2');
    expect((box.closest('[data-page]') as HTMLElement).style.aspectRatio).toMatch(/^0\.75( \/ 1)?$/);
    expect(screen.getByText('Page 2 of 2')).toBeTruthy();
  });
});

describe('field values', () => {
  it('shows dates day first and sends them as ISO dates', () => {
    const field = { valueType: 'date' as const, value: '2024-07-01', label: 'Period start' };
    expect(initialDraft(field)).toEqual({ kind: 'text', text: '01/07/2024' });
    expect(draftValue(field, { kind: 'text', text: '1/7/2024' })).toEqual({ ok: true, value: '2024-07-01' });
    expect(draftValue(field, { kind: 'text', text: '31/06/2024' })).toMatchObject({ ok: false });
    expect(parseDayFirst('2025-06-30')).toBe('2025-06-30');
    expect(parseDayFirst('30.06.2025')).toBe('2025-06-30');
  });

  it('turns dollars into exact cents and an emptied amount into a removal', () => {
    const field = { valueType: 'money' as const, value: 123, label: 'Total' };
    expect(initialDraft(field)).toEqual({ kind: 'money', dollars: 1.23 });
    expect(draftValue(field, { kind: 'money', dollars: 4.35 })).toEqual({ ok: true, value: 435 });
    expect(draftValue(field, { kind: 'money', dollars: -12.3 })).toEqual({ ok: true, value: -1230 });
    expect(draftValue(field, { kind: 'money', dollars: undefined })).toEqual({ ok: true, value: null });
    expect(draftValue(field, { kind: 'money', dollars: Number.NaN })).toMatchObject({ ok: false });
  });
});
