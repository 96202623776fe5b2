import type { ReturnUpdate } from '@numeri/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockApi, problem, signedInRoutes } from '../../test/api-mock';
import { renderApp } from '../../test/render';
import { saverTiming } from './return-saver';
import { employer, item, returnView, returnsServer } from './test-fixtures';

const defaults = { ...saverTiming };
beforeEach(() => {
  saverTiming.delayMs = 30;
  saverTiming.retryDelaysMs = [50, 100];
});
afterEach(() => {
  Object.assign(saverTiming, defaults);
});

const liveEstimate = () => screen.getByTestId('live-estimate');

describe('personalise your return', () => {
  it('turns yes answers into the interview’s sections and saves them with the version', async () => {
    const server = returnsServer(returnView({ facts: { residency: { kind: 'resident' } } }, { version: 1 }));
    const api = mockApi({ ...signedInRoutes(), ...server.routes });
    const user = userEvent.setup();
    renderApp('/returns/2024-25/personalise');

    expect(await screen.findByRole('heading', { name: 'What applies to you?' })).toBeTruthy();
    // Nothing chosen yet: the rail has only "About you".
    const rail = screen.getAllByRole('navigation', { name: 'Steps of your return' })[0]!;
    expect(within(rail).queryByRole('link', { name: /Employers/ })).toBeNull();

    await user.click(screen.getByRole('checkbox', { name: /Did you work for an employer\?/ }));
    await user.click(screen.getByRole('checkbox', { name: /Did you work from home\?/ }));

    expect(within(rail).getByRole('link', { name: /Employers/ })).toBeTruthy();
    expect(within(rail).getByRole('link', { name: /Working from home/ })).toBeTruthy();
    // Each chosen section is "needed" until something is added to it.
    expect(within(rail).getByRole('link', { name: /Employers \(needs an answer\)/ })).toBeTruthy();

    await waitFor(() => expect(server.state.view.sections).toEqual(['employment', 'working-from-home']));
    // One save per change, each naming the version the previous one returned.
    const patches = api.callsTo('PATCH /api/v1/returns/2024-25').map((call) => call.body as ReturnUpdate);
    expect(patches[0]).toEqual({ version: 1, sections: ['employment'] });
    expect(patches.at(-1)).toEqual({
      version: patches.length,
      sections: ['employment', 'working-from-home'],
    });
    expect(await screen.findByText(/^Saved/)).toBeTruthy();
  });
});

describe('the interview', () => {
  it('adding an employer moves the live estimate to the engine’s figure, then autosaves it in cents', async () => {
    const server = returnsServer(
      returnView({
        sections: ['employment'],
        facts: { residency: { kind: 'resident' }, hasStudyLoan: false },
      }),
    );
    const api = mockApi({ ...signedInRoutes(), ...server.routes });
    const user = userEvent.setup();
    renderApp('/returns/2024-25/employment');

    expect(await screen.findByRole('heading', { name: 'Employers' })).toBeTruthy();
    expect(liveEstimate().textContent).toBe('$0.00');

    await user.click(screen.getByRole('button', { name: 'Add an employer' }));
    await user.type(screen.getByLabelText('Employer’s name'), 'Acme Pty Ltd');
    await user.type(screen.getByLabelText('Gross payments'), '85,000');
    await user.type(screen.getByLabelText('Tax withheld'), '18000');

    // 2024-25, $85,000 salary, $18,000 withheld:
    //   tax = $4,288 + 30% × ($85,000 − $45,000) = $16,288; LITO nil above $66,667;
    //   Medicare levy 2% × $85,000 = $1,700; total $17,988 → refund $18,000 − $17,988 = $12.00.
    await waitFor(() => expect(liveEstimate().textContent).toBe('$12.00'));
    expect(screen.getAllByText('Estimated refund', { exact: false }).length).toBeGreaterThan(0);

    // Autosave: one PATCH naming the version it was based on, money in integer cents.
    // (On a slow machine a half-typed figure may be saved first; the last save is the answer.)
    await waitFor(() =>
      expect(server.state.view.items).toEqual([
        expect.objectContaining({
          kind: 'employment',
          payerName: 'Acme Pty Ltd',
          grossPaymentsCents: 8_500_000,
          taxWithheldCents: 1_800_000,
        }),
      ]),
    );
    const patches = api.callsTo('PATCH /api/v1/returns/2024-25').map((call) => call.body as ReturnUpdate);
    expect(patches[0]!.version).toBe(3);
    // Each later save names the version the previous one returned (no stale writes).
    patches.forEach((patch, index) => expect(patch.version).toBe(3 + index));
    expect(await screen.findByText(/^Saved/)).toBeTruthy();
  });

  it('shows an invalid amount next to its field and keeps it out of the estimate and the save', async () => {
    const server = returnsServer(
      returnView({
        sections: ['employment'],
        facts: { residency: { kind: 'resident' } },
        items: [employer()],
      }),
    );
    const api = mockApi({ ...signedInRoutes(), ...server.routes });
    const user = userEvent.setup();
    renderApp('/returns/2024-25/employment');

    await user.click(await screen.findByRole('button', { name: 'Edit Acme Pty Ltd' }));
    const gross = screen.getByLabelText('Gross payments');
    await user.clear(gross);
    await user.type(gross, '85000.505');
    await user.tab();
    expect(await screen.findByText('Use at most two decimal places (cents).')).toBeTruthy();
    expect(gross.getAttribute('aria-invalid')).toBe('true');
    // Valid amounts on the way ("85000.50") were saved; the invalid one never is.
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toMatch(/^Saved/));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const sent = api
      .callsTo('PATCH /api/v1/returns/2024-25')
      .flatMap((call) => (call.body as ReturnUpdate).upsertItems ?? [])
      .map((i) => (i.kind === 'employment' ? i.grossPaymentsCents : null));
    expect(sent.every((cents) => Number.isInteger(cents))).toBe(true);
    expect(sent.at(-1)).toBe(8_500_050);
    expect(server.state.view.items[0]).toMatchObject({ grossPaymentsCents: 8_500_050 });
  });

  it('a 409 shows what was not saved and loads the newer version', async () => {
    const server = returnsServer(
      returnView({ sections: ['employment'], facts: { residency: { kind: 'resident' } } }),
    );
    mockApi({ ...signedInRoutes(), ...server.routes });
    const user = userEvent.setup();
    renderApp('/returns/2024-25/employment');
    await screen.findByRole('heading', { name: 'Employers' });

    // Meanwhile, another tab saved a newer version with a different employer.
    server.state.view = returnView(
      {
        sections: ['employment'],
        facts: { residency: { kind: 'resident' } },
        items: [
          employer({ id: '22222222-2222-4222-8222-222222222222', payerName: 'Beta Co', source: 'document' }),
        ],
      },
      { version: 7 },
    );

    await user.click(screen.getByRole('button', { name: 'Add an employer' }));
    await user.type(screen.getByLabelText('Employer’s name'), 'Acme Pty Ltd');
    await user.type(screen.getByLabelText('Gross payments'), '1000');
    await user.type(screen.getByLabelText('Tax withheld'), '0');

    const dialog = await screen.findByRole('dialog', { name: 'This return changed elsewhere' });
    expect(within(dialog).getByText('Added: Acme Pty Ltd (employer)')).toBeTruthy();
    expect(screen.getByTestId('save-status').textContent).toContain('newer version');
    // Nothing was overwritten.
    expect(server.state.view.items.map((i) => (i.kind === 'employment' ? i.payerName : ''))).toEqual([
      'Beta Co',
    ]);

    await user.click(within(dialog).getByRole('button', { name: 'Load the newer version' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'This return changed elsewhere' })).toBeNull(),
    );
    expect(await screen.findByRole('heading', { name: 'Beta Co' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Acme Pty Ltd' })).toBeNull();

    // The next change is based on the newer version.
    await user.click(screen.getByRole('button', { name: 'Edit Beta Co' }));
    const withheld = screen.getByLabelText('Tax withheld');
    const before = server.state.patches.length;
    await user.clear(withheld);
    await user.type(withheld, '19000');
    await waitFor(() => expect(server.state.view.items[0]).toMatchObject({ taxWithheldCents: 1_900_000 }));
    expect(server.state.patches[before]!.version).toBe(7);
  });

  it('offline: says the changes are kept, retries, then saves', async () => {
    const server = returnsServer(returnView({ facts: { residency: { kind: 'resident' } } }, { version: 1 }));
    let failures = 2;
    const patch = server.routes['PATCH /api/v1/returns/2024-25'] as (request: never) => unknown;
    mockApi({
      ...signedInRoutes(),
      ...server.routes,
      'PATCH /api/v1/returns/2024-25': (request) => {
        if (failures > 0) {
          failures -= 1;
          return new Response('Bad gateway', { status: 502 });
        }
        return patch(request as never);
      },
    });
    const user = userEvent.setup();
    renderApp('/returns/2024-25/personalise');
    await user.click(await screen.findByRole('checkbox', { name: /Did you earn interest\?/ }));
    await waitFor(() =>
      expect(screen.getByTestId('save-status').textContent).toContain('Offline — changes kept'),
    );
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toMatch(/^Saved/));
    expect(server.state.view.sections).toEqual(['interest']);
  });

  it('marks the questions the engine still needs, and clears the mark once answered', async () => {
    const server = returnsServer(
      returnView({
        sections: ['employment'],
        facts: { residency: { kind: 'resident' } },
        items: [employer({ grossPaymentsCents: 15_000_000 })],
      }),
    );
    mockApi({ ...signedInRoutes(), ...server.routes });
    const user = userEvent.setup();
    renderApp('/returns/2024-25/study-loan');

    const question = await screen.findByRole('region', { name: 'Do you have a HELP or other study loan?' });
    expect(within(question).getByText('Needed')).toBeTruthy();
    expect(
      within(question).getByText(/Your income is above the compulsory repayment threshold/),
    ).toBeTruthy();
    // The rail marks the other steps the engine asks about.
    const rail = screen.getAllByRole('navigation', { name: 'Steps of your return' })[0]!;
    expect(
      within(rail).getByRole('link', { name: /Medicare and private health \(needs an answer\)/ }),
    ).toBeTruthy();
    expect(within(rail).getByRole('link', { name: /Spouse and children \(needs an answer\)/ })).toBeTruthy();

    await user.click(within(question).getByRole('radio', { name: 'No' }));
    await waitFor(() => expect(within(question).queryByText('Needed')).toBeNull());
    expect(within(rail).getByRole('link', { name: /Study loan \(done\)/ })).toBeTruthy();
    await waitFor(() => expect(server.state.view.facts.hasStudyLoan).toBe(false));
  });
});

describe('deduction helpers', () => {
  it('working from home: both methods side by side, the better one used with the engine’s reason', async () => {
    const server = returnsServer(
      returnView({
        sections: ['working-from-home'],
        facts: { residency: { kind: 'resident' } },
        items: [employer()],
      }),
    );
    mockApi({ ...signedInRoutes(), ...server.routes });
    const user = userEvent.setup();
    renderApp('/returns/2024-25/working-from-home');

    await user.click(await screen.findByRole('button', { name: 'Add your working-from-home hours' }));
    await user.type(screen.getByLabelText('Hours you worked from home in the year'), '500');
    await user.type(screen.getByLabelText('Electricity and gas (optional)'), '100');

    // 2024-25: fixed rate 70c × 500 h = $350.00; actual cost = $100.00 of energy.
    const fixed = await screen.findByTestId('method-fixed-rate');
    const actual = screen.getByTestId('method-actual-cost');
    expect(within(fixed).getByText('$350.00')).toBeTruthy();
    expect(within(actual).getByText('$100.00')).toBeTruthy();
    expect(within(fixed).getByText('Used — the better one')).toBeTruthy();
    expect(within(actual).queryByText('Used — the better one')).toBeNull();
    expect(screen.getByTestId('method-reason').textContent).toBe(
      'The fixed-rate method gives $350.00, more than $100.00 with the actual-cost method.',
    );

    // Higher actual costs flip the choice.
    const energy = screen.getByLabelText('Electricity and gas (optional)');
    await user.clear(energy);
    await user.type(energy, '500');
    await waitFor(() =>
      expect(
        within(screen.getByTestId('method-actual-cost')).getByText('Used — the better one'),
      ).toBeTruthy(),
    );
    expect(screen.getByTestId('method-reason').textContent).toBe(
      'The actual-cost method gives $500.00, more than $350.00 with the fixed-rate method.',
    );

    // The weekly estimator fills in the hours: 3 days × 7.6 h × 48 weeks = 1,094.4 h.
    await user.click(screen.getByText('Work it out from a typical week'));
    await user.click(screen.getByRole('button', { name: 'Use 1,094.4 hours' }));
    expect((screen.getByLabelText('Hours you worked from home in the year') as HTMLInputElement).value).toBe(
      '1094.4',
    );
    // 1,094.4 h × 70c = $766.08, now more than the $500.00 actual cost.
    await waitFor(() =>
      expect(within(screen.getByTestId('method-fixed-rate')).getByText('$766.08')).toBeTruthy(),
    );
    await waitFor(() =>
      expect(server.state.view.items.find((i) => i.kind === 'working-from-home')).toMatchObject({
        hours: 1094.4,
        energyCents: 50_000,
      }),
    );
  });

  it('car: cents per kilometre against the logbook', async () => {
    const server = returnsServer(
      returnView({ sections: ['car'], facts: { residency: { kind: 'resident' } }, items: [employer()] }),
    );
    mockApi({ ...signedInRoutes(), ...server.routes });
    const user = userEvent.setup();
    renderApp('/returns/2024-25/car');

    await user.click(await screen.findByRole('button', { name: 'Add a car' }));
    await user.type(screen.getByLabelText('Car'), 'Corolla');
    await user.type(screen.getByLabelText('Work kilometres in the year'), '3000');
    // 2024-25: 88c × 3,000 km = $2,640.00.
    expect(within(await screen.findByTestId('method-cents-per-km')).getByText('$2,640.00')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: /I kept a logbook/ }));
    await user.type(screen.getByLabelText('Work use (%)'), '60');
    await user.type(screen.getByLabelText('Car running costs'), '9000');
    // Logbook: 60% × $9,000 = $5,400.00, more than $2,640.00.
    const logbook = await screen.findByTestId('method-logbook');
    await waitFor(() => expect(within(logbook).getByText('$5,400.00')).toBeTruthy());
    expect(within(logbook).getByText('Used — the better one')).toBeTruthy();
  });

  it('receipts go under the label picked from plain descriptions, with the records checklist', async () => {
    const server = returnsServer(
      returnView({
        sections: ['work-deductions'],
        facts: { residency: { kind: 'resident' } },
        items: [employer()],
      }),
    );
    mockApi({
      ...signedInRoutes(),
      ...server.routes,
      'GET /api/v1/documents': () => json({ items: [], nextCursor: null }),
    });
    const user = userEvent.setup();
    renderApp('/returns/2024-25/work-deductions');

    await user.click(await screen.findByRole('button', { name: 'Add a receipt or expense' }));
    await user.click(screen.getByRole('radio', { name: /D3 Work-related clothing/ }));
    await user.type(screen.getByLabelText('What it was'), 'Hi-vis shirts');
    await user.type(screen.getByLabelText('Amount paid'), '120.50');
    // On a slow machine autosave can send a half-typed amount first; the last save is the answer.
    await waitFor(() =>
      expect(server.state.view.items.find((i) => i.kind === 'deduction')).toMatchObject({
        label: 'D3',
        amountCents: 12_050,
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Done' }));

    const card = await screen.findByRole('article', { name: 'Hi-vis shirts' });
    expect(within(card).getByText('No record attached yet')).toBeTruthy();
    expect(within(card).getByText(/The ATO expects:/)).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Attach a record' }));
    expect(await screen.findByRole('dialog', { name: 'Attach a record' })).toBeTruthy();
    expect(screen.getByText(/You haven’t uploaded any documents yet/)).toBeTruthy();
  });
});

describe('records for claims from the bank', () => {
  it('says when a bank statement is all there is, and why it does not do over $300', async () => {
    const fromBank = (id: string, description: string, amountCents: number) =>
      item({
        id,
        kind: 'deduction',
        source: 'transaction',
        label: 'D5',
        description,
        amountCents,
        evidence: [
          {
            documentId: '5f0c3c1e-8d8a-4e0b-9a51-6f7e8d9c0b1a',
            region: null,
            label: `Bank transaction: ${description}`,
            bankTransaction: true,
          },
        ],
      });
    const server = returnsServer(
      returnView({
        sections: ['work-deductions'],
        facts: { residency: { kind: 'resident' } },
        items: [
          employer(),
          fromBank('22222222-2222-4222-8222-222222222222', 'OFFICEWORKS 0423', 18_900),
          fromBank('33333333-3333-4333-8333-333333333333', 'JB HI-FI 0101', 25_000),
        ],
      }),
    );
    mockApi({
      ...signedInRoutes(),
      ...server.routes,
      'GET /api/v1/documents': () => json({ items: [], nextCursor: null }),
    });
    renderApp('/returns/2024-25/work-deductions');

    const card = await screen.findByRole('article', { name: 'OFFICEWORKS 0423' });
    expect(within(card).getByText('Only a bank statement attached')).toBeTruthy();
    expect(within(card).getByText(/come to more than \$300, so the ATO expects the receipt/)).toBeTruthy();
  });
});

describe('review and lodge', () => {
  const complete = () =>
    returnView({
      sections: ['employment'],
      facts: { residency: { kind: 'resident' }, hasStudyLoan: false },
      items: [employer()],
    });

  it('downloads the records pack as the zip the server names', async () => {
    const server = returnsServer(complete());
    const api = mockApi({
      ...signedInRoutes(),
      ...server.routes,
      'GET /api/v1/returns/2024-25/records.zip': () =>
        new Response(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), {
          headers: {
            'content-type': 'application/zip',
            'content-disposition': 'attachment; filename="numeri-records-2024-25.zip"',
          },
        }),
    });
    const saved: { name: string; href: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push({ name: this.download, href: this.href });
    });
    const objectUrls = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = vi.fn(() => 'blob:records');
    URL.revokeObjectURL = vi.fn();
    try {
      const user = userEvent.setup();
      renderApp('/returns/2024-25/review');
      await user.click(await screen.findByRole('button', { name: 'Download records (ZIP)' }));
      await waitFor(() =>
        expect(saved).toEqual([{ name: 'numeri-records-2024-25.zip', href: 'blob:records' }]),
      );
      expect(api.callsTo('GET /api/v1/returns/2024-25/records.zip')).toHaveLength(1);
    } finally {
      click.mockRestore();
      URL.createObjectURL = objectUrls.create;
      URL.revokeObjectURL = objectUrls.revoke;
    }
  });

  it('needs the declaration, says plainly it is not sent to the ATO, asks for the second factor, then is read-only', async () => {
    const server = returnsServer(complete());
    let lodgeCalls = 0;
    const api = mockApi({
      ...signedInRoutes(),
      ...server.routes,
      'POST /api/v1/returns/2024-25/lodge': () => {
        lodgeCalls += 1;
        if (lodgeCalls === 1)
          return problem(403, 'STEP_UP_REQUIRED', 'Enter a code from your authenticator app.');
        return json(
          returnView(
            {
              sections: ['employment'],
              facts: { residency: { kind: 'resident' }, hasStudyLoan: false },
              items: [employer()],
            },
            {
              status: 'lodged',
              version: 4,
              lodgedAt: '2026-11-28T01:00:00.000Z',
              lodgment: {
                receiptNumber: 'SBX-2024-25-8K3F-22QD',
                lodgedAt: '2026-11-28T01:00:00.000Z',
                channel: 'sandbox',
                notice:
                  'Sandbox lodgment: this return was checked and frozen by Numeri but NOT sent to the ATO.',
                events: [
                  {
                    status: 'submitted',
                    at: '2026-11-28T01:00:00.000Z',
                    detail: 'The return was frozen and submitted to the sandbox.',
                  },
                ],
              },
            },
          ),
        );
      },
      'POST /api/v1/auth/step-up': () => json({ validUntil: new Date(Date.now() + 600_000).toISOString() }),
    });
    const user = userEvent.setup();
    renderApp('/returns/2024-25/review');

    expect(await screen.findByRole('heading', { name: 'Review and lodge' })).toBeTruthy();
    expect(screen.getByText('Sandbox — not sent to the ATO')).toBeTruthy();
    expect(screen.getByTestId('review-outcome').textContent).toBe('$12.00');

    await user.click(screen.getByRole('button', { name: 'Lodge in the sandbox' }));
    expect(await screen.findByText('Tick the declaration to lodge.')).toBeTruthy();
    expect(api.callsTo('POST /api/v1/returns/2024-25/lodge')).toHaveLength(0);

    await user.click(
      screen.getByRole('checkbox', {
        name: /I declare that the information in this return is true and correct/,
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Lodge in the sandbox' }));
    const stepUp = await screen.findByRole('dialog', { name: 'Confirm it’s you' });
    await user.type(within(stepUp).getByLabelText('6-digit code'), '246810');
    await user.click(within(stepUp).getByRole('button', { name: 'Confirm' }));

    expect(await screen.findByTestId('receipt-number')).toHaveProperty(
      'textContent',
      'SBX-2024-25-8K3F-22QD',
    );
    expect(api.callsTo('POST /api/v1/returns/2024-25/lodge').map((c) => c.body)).toEqual([
      { version: 3, declaration: true },
      { version: 3, declaration: true },
    ]);
    expect(screen.getByText('Not sent to the ATO')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Amend this return' })).toBeTruthy();
    expect(screen.getByTestId('save-status').textContent).toContain('Read-only');
  });

  it('an amendment starts a new version from the lodged one', async () => {
    const lodged = returnView(
      {
        sections: ['employment'],
        facts: { residency: { kind: 'resident' }, hasStudyLoan: false },
        items: [employer()],
      },
      {
        status: 'lodged',
        lodgment: {
          receiptNumber: 'SBX-1',
          lodgedAt: '2026-11-28T01:00:00.000Z',
          channel: 'sandbox',
          notice: 'Not sent to the ATO.',
          events: [],
        },
      },
    );
    const amendment = {
      ...lodged,
      id: '33333333-3333-4333-8333-333333333333',
      status: 'draft' as const,
      revision: 2,
      amendsId: lodged.id,
      lodgment: null,
      version: 1,
    };
    const api = mockApi({
      ...signedInRoutes(),
      'GET /api/v1/returns/2024-25': () => json(lodged),
      'GET /api/v1/returns/2024-25/comments': () => json([]),
      'GET /api/v1/returns/2024-25/checklist': () => json([]),
      'POST /api/v1/returns/2024-25/amend': () => json(amendment, 201),
    });
    const user = userEvent.setup();
    renderApp('/returns/2024-25');
    await user.click(await screen.findByRole('button', { name: 'Amend this return' }));
    expect(await screen.findByRole('heading', { name: 'About you' })).toBeTruthy();
    expect(screen.getByText('Amendment 1')).toBeTruthy();
    expect(api.callsTo('POST /api/v1/returns/2024-25/amend')).toHaveLength(1);
    expect(screen.getByTestId('save-status').textContent).not.toContain('Read-only');
  });
});
