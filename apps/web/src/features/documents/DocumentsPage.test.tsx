import type { DocumentDto } from '@numeri/contracts';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, signedInRoutes, type MockRoutes } from '../../test/api-mock';
import { renderApp } from '../../test/render';
import { documentFixture, FakeEventSource, FakeXhr, listOf } from './test-fixtures';

function documentsRoutes(list: () => DocumentDto[], overrides: MockRoutes = {}): MockRoutes {
  return {
    ...signedInRoutes(),
    'GET /api/v1/documents': () => json(listOf(list())),
    ...overrides,
  };
}

const pdf = (name: string, size = 100) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

describe('uploading', () => {
  it('shows each file’s progress, sends the bearer token and CSRF header, and explains a refused file', async () => {
    FakeXhr.install();
    const user = userEvent.setup({ applyAccept: false });
    let stored: DocumentDto[] = [];
    mockApi(documentsRoutes(() => stored));
    renderApp('/documents');

    const input = await screen.findByLabelText('Choose files to upload');
    expect(input.getAttribute('accept')).toContain('.pdf');
    expect(input.getAttribute('accept')).toContain('.qif');
    expect(input.hasAttribute('multiple')).toBe(true);
    const camera = screen.getByLabelText('Take a photo of a document');
    expect(camera.getAttribute('capture')).toBe('environment');
    expect(camera.getAttribute('accept')).toBe('image/*');

    await user.upload(input, [pdf('payslip.pdf'), pdf('scan.pdf'), new File(['%PK'], 'notes.docx')]);

    // The .docx is refused here without being sent, with the reason.
    const uploads = await screen.findByRole('list', { name: 'Uploads' });
    expect(within(uploads).getByText(/This is a Word document, which Numeri can’t read/)).toBeTruthy();

    await waitFor(() => expect(FakeXhr.instances).toHaveLength(2));
    const [payslip, scan] = FakeXhr.instances as [FakeXhr, FakeXhr];
    expect(payslip.method).toBe('POST');
    expect(payslip.url).toBe('/api/v1/documents');
    expect(payslip.headers.Authorization).toBe('Bearer access-1');
    expect(payslip.headers['X-Requested-With']).toBe('numeri');
    expect(payslip.file?.name).toBe('payslip.pdf');

    act(() => payslip.progress(40, 100));
    const bar = screen.getByRole('progressbar', { name: 'Uploading payslip.pdf' });
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    act(() => payslip.progress(100, 100));
    expect(bar.getAttribute('aria-valuenow')).toBe('100');

    act(() =>
      scan.respond(
        415,
        {
          type: '/api/problems#unsupported_media_type',
          title: 'Unsupported media type',
          status: 415,
          code: 'UNSUPPORTED_MEDIA_TYPE',
          detail:
            'This is a ZIP archive (or a Word, Excel or other Office file), not a document Numeri can read. Numeri accepts PDF, JPEG, PNG and HEIC documents, and CSV, OFX, QFX or QIF bank exports.',
        },
        'application/problem+json',
      ),
    );
    expect(await within(uploads).findByText(/Numeri can’t read this file/)).toBeTruthy();
    expect(
      within(uploads).getByText(/This is a ZIP archive \(or a Word, Excel or other Office file\)/),
    ).toBeTruthy();

    const created = documentFixture({ originalName: 'payslip.pdf', status: 'queued' });
    stored = [created];
    act(() => payslip.respond(201, created));

    // The uploaded file leaves the queue and appears in the list with its status.
    const list = await screen.findByRole('list', { name: 'Your documents' });
    expect(within(list).getByRole('link', { name: 'payslip.pdf' })).toBeTruthy();
    expect(within(list).getByText('Queued')).toBeTruthy();
    expect(within(uploads).queryByText('payslip.pdf')).toBeNull();
    expect(screen.getByText('payslip.pdf uploaded. Numeri is reading it now.')).toBeTruthy();

    await user.click(within(uploads).getByRole('button', { name: 'Dismiss scan.pdf' }));
    expect(within(uploads).queryByText(/scan\.pdf/)).toBeNull();
  });

  it('recognises a file uploaded before', async () => {
    FakeXhr.install();
    const user = userEvent.setup();
    const earlier = documentFixture({
      originalName: 'receipt.pdf',
      status: 'done',
      createdAt: '2025-07-03T02:00:00.000Z',
    });
    mockApi(documentsRoutes(() => [earlier]));
    renderApp('/documents');

    await user.upload(await screen.findByLabelText('Choose files to upload'), pdf('receipt copy.pdf'));
    await waitFor(() => expect(FakeXhr.instances).toHaveLength(1));
    act(() => FakeXhr.instances[0]!.respond(200, { ...earlier, duplicateOf: earlier.id }));

    expect(await screen.findByText(/You already uploaded this on 3 Jul 2025/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open it' }).getAttribute('href')).toBe(
      `/documents/${earlier.id}`,
    );
  });
});

describe('live status', () => {
  it('opens the event stream with a ticket and updates the chip and progress as events arrive', async () => {
    FakeEventSource.install();
    let current = documentFixture({ originalName: 'payslip.pdf', status: 'reading', progress: 40 });
    const api = mockApi(
      documentsRoutes(() => [current], {
        'POST /api/v1/documents/events/ticket': () =>
          json({ ticket: 'ticket-1', expiresAt: '2030-01-01T00:00:00.000Z' }),
      }),
    );
    renderApp('/documents');

    const list = await screen.findByRole('list', { name: 'Your documents' });
    expect(within(list).getByText('Reading')).toBeTruthy();
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    const stream = FakeEventSource.instances[0]!;
    expect(stream.url).toBe('/api/v1/documents/events?token=ticket-1');
    expect(api.callsTo('POST /api/v1/documents/events/ticket')[0]!.headers.Authorization).toBe(
      'Bearer access-1',
    );
    act(() => stream.open());

    const event = (patch: Partial<DocumentDto>) => ({
      id: current.id,
      status: current.status,
      progress: current.progress,
      documentType: null,
      failureReason: null,
      updatedAt: new Date().toISOString(),
      ...patch,
    });

    act(() => stream.emit('document', event({ progress: 70 })));
    await waitFor(() =>
      expect(
        within(list)
          .getByRole('progressbar', { name: 'Reading the pages: payslip.pdf' })
          .getAttribute('aria-valuenow'),
      ).toBe('70'),
    );

    current = { ...current, status: 'needs-review', progress: 100, documentType: 'income-statement' };
    act(() =>
      stream.emit(
        'document',
        event({ status: 'needs-review', progress: 100, documentType: 'income-statement' }),
      ),
    );
    expect(await within(list).findByText('Needs review')).toBeTruthy();
    expect(within(list).queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('payslip.pdf is ready for you to check.')).toBeTruthy();

    current = { ...current, status: 'failed', failureReason: 'The PDF is damaged and could not be opened.' };
    act(() =>
      stream.emit(
        'document',
        event({ status: 'failed', failureReason: 'The PDF is damaged and could not be opened.' }),
      ),
    );
    expect(await within(list).findByText('Failed')).toBeTruthy();
    expect(within(list).getByText('The PDF is damaged and could not be opened.')).toBeTruthy();
    expect(within(list).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('polls when the stream keeps failing, and reconnects with a fresh ticket', async () => {
    FakeEventSource.install();
    let tickets = 0;
    let current = documentFixture({ originalName: 'scan.pdf', status: 'reading', progress: 10 });
    mockApi(
      documentsRoutes(() => [current], {
        'POST /api/v1/documents/events/ticket': () => {
          tickets += 1;
          return json({ ticket: `ticket-${tickets}`, expiresAt: '2030-01-01T00:00:00.000Z' });
        },
      }),
    );
    renderApp('/documents');
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    // The stream drops (an expired ticket, a proxy): closed, and a new ticket is asked for.
    act(() => FakeEventSource.instances[0]!.fail());
    expect(FakeEventSource.instances[0]!.closed).toBe(true);
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(2), { timeout: 5000 });
    expect(FakeEventSource.instances[1]!.url).toBe('/api/v1/documents/events?token=ticket-2');
    act(() => FakeEventSource.instances[1]!.fail());
    // Two failures in a row: the list polls meanwhile, so the status still moves on.
    expect(await screen.findByText('Checking for updates every few seconds.')).toBeTruthy();
    current = { ...current, status: 'needs-review', progress: 100 };
    const list = screen.getByRole('list', { name: 'Your documents' });
    expect(await within(list).findByText('Needs review', {}, { timeout: 5000 })).toBeTruthy();
  });

  it('falls back to polling when the stream can’t be opened', async () => {
    let current = documentFixture({ originalName: 'scan.pdf', status: 'reading', progress: 10 });
    mockApi(documentsRoutes(() => [current]));
    // No EventSource in this browser.
    renderApp('/documents');
    expect(await screen.findByText('Checking for updates every few seconds.')).toBeTruthy();
    current = { ...current, status: 'needs-review', progress: 100 };
    expect(await screen.findByText('Needs review', {}, { timeout: 5000 })).toBeTruthy();
  });
});

describe('password-protected PDFs', () => {
  it('asks for the password, says when it is wrong, and sends it only in the request', async () => {
    const user = userEvent.setup();
    let current = documentFixture({ originalName: 'statement.pdf', status: 'needs-password' });
    const api = mockApi(
      documentsRoutes(() => [current], {
        [`POST /api/v1/documents/${current.id}/password`]: (request) => {
          if ((request.body as { password: string }).password !== 'ab12') {
            return problem(400, 'VALIDATION_FAILED', 'That password does not open this PDF', {
              errors: [{ field: 'password', message: 'is not right for this PDF' }],
            });
          }
          current = { ...current, status: 'queued' };
          return json(current);
        },
      }),
    );
    renderApp('/documents');

    await user.click(await screen.findByRole('button', { name: 'Enter password' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enter the PDF’s password' });
    const field = within(dialog).getByLabelText('Password');
    await user.type(field, 'wrong');
    await user.click(within(dialog).getByRole('button', { name: 'Open the PDF' }));
    expect(await within(dialog).findByText('The password is not right for this PDF.')).toBeTruthy();
    // The typed password isn't kept in the form once sent.
    expect((field as HTMLInputElement).value).toBe('');

    await user.type(field, 'ab12');
    await user.click(within(dialog).getByRole('button', { name: 'Open the PDF' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo(`POST /api/v1/documents/${current.id}/password`).map((call) => call.body)).toEqual([
      { password: 'wrong' },
      { password: 'ab12' },
    ]);
    const list = screen.getByRole('list', { name: 'Your documents' });
    expect(await within(list).findByText('Queued')).toBeTruthy();
  });
});

describe('search, filters and delete', () => {
  it('renders search snippets as text with the matches marked — markup in a document stays text', async () => {
    const user = userEvent.setup();
    const found = documentFixture({ originalName: 'invoice.pdf', status: 'done' });
    const api = mockApi(
      documentsRoutes(() => [found], {
        'GET /api/v1/documents/search': () =>
          json({
            items: [
              {
                document: found,
                rank: 0.5,
                snippet: [
                  { text: 'Paid to ', match: false },
                  { text: 'Acme', match: true },
                  { text: ' <script>alert(1)</script> <b>bold</b>', match: false },
                  { text: '<img src=x onerror=alert(2)>', match: true },
                ],
              },
            ],
          }),
      }),
    );
    renderApp('/documents');

    await user.type(await screen.findByLabelText('Search inside your documents'), 'acme{Enter}');
    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(api.callsTo('GET /api/v1/documents/search')[0]!.url).toContain('q=acme');
    const marks = results.querySelectorAll('mark');
    expect(Array.from(marks).map((mark) => mark.textContent)).toEqual([
      'Acme',
      '<img src=x onerror=alert(2)>',
    ]);
    expect(within(results).getByText('<script>alert(1)</script> <b>bold</b>', { exact: false })).toBeTruthy();
    expect(results.querySelector('script, img, b')).toBeNull();
    expect(screen.getByText('1 document mentions “acme”.')).toBeTruthy();
  });

  it('filters by type, income year and status through the list query', async () => {
    const user = userEvent.setup();
    const api = mockApi(documentsRoutes(() => []));
    renderApp('/documents');
    await screen.findByText('Nothing uploaded yet');
    await user.selectOptions(screen.getByLabelText('Type'), 'receipt');
    await user.selectOptions(screen.getByLabelText('Income year'), '2024-25');
    await user.selectOptions(screen.getByLabelText('Status'), 'needs-review');
    await waitFor(() => {
      const last = api.callsTo('GET /api/v1/documents').at(-1)!;
      expect(last.url).toContain('type=receipt');
      expect(last.url).toContain('incomeYear=2024-25');
      expect(last.url).toContain('status=needs-review');
    });
    expect(await screen.findByText('No documents match these filters.')).toBeTruthy();
  });

  it('deletes a document after confirmation', async () => {
    const user = userEvent.setup();
    let stored = [documentFixture({ originalName: 'old.pdf', status: 'done' })];
    const id = stored[0]!.id;
    const api = mockApi(
      documentsRoutes(() => stored, {
        [`DELETE /api/v1/documents/${id}`]: () => {
          stored = [];
          return new Response(null, { status: 204 });
        },
      }),
    );
    renderApp('/documents');

    await user.click(await screen.findByRole('button', { name: 'Delete old.pdf' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete old.pdf?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(api.callsTo(`DELETE /api/v1/documents/${id}`)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Delete old.pdf' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'old.pdf' })).toBeNull());
    expect(api.callsTo(`DELETE /api/v1/documents/${id}`)).toHaveLength(1);
    expect(screen.getByText('old.pdf was deleted.')).toBeTruthy();
  });
});

describe('a tax agent reading a client’s documents', () => {
  it('asks for the client’s documents and offers nothing that changes them', async () => {
    const clientId = '7d4e2a10-3b5c-4d6e-8f70-91a2b3c4d5e6';
    const pending = documentFixture({
      ownerId: clientId,
      originalName: 'client.pdf',
      status: 'needs-review',
    });
    const api = mockApi(documentsRoutes(() => [pending]));
    renderApp(`/documents?ownerId=${clientId}`);

    const list = await screen.findByRole('list', { name: 'Your documents' });
    expect(api.callsTo('GET /api/v1/documents')[0]!.url).toContain(`ownerId=${clientId}`);
    expect(screen.getByText('Read-only view')).toBeTruthy();
    expect(screen.queryByLabelText('Choose files to upload')).toBeNull();
    expect(within(list).queryByRole('button', { name: /Delete/ })).toBeNull();
    expect(within(list).getByRole('link', { name: 'View client.pdf' }).getAttribute('href')).toBe(
      `/documents/${pending.id}?ownerId=${clientId}`,
    );
    // No live stream: it is the signed-in person's own, not the client's.
    expect(api.callsTo('POST /api/v1/documents/events/ticket')).toHaveLength(0);
  });
});
