import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { signedOutResponse } from '../../test/api-mock';
import { jsonResponse, renderApp } from '../../test/render';
import { CalculatorPage } from './CalculatorPage';
import { estimateFixture } from './test-fixtures';

function renderCalculator() {
  return renderApp('/calculator', [{ path: '/calculator', element: <CalculatorPage debounceMs={30} /> }]);
}

/** Stubs the estimate API; the session check at start-up answers "not signed in" (the calculator is public). */
function stubFetch(respond: () => Promise<Response> | Response) {
  const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => respond());
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) =>
    String(url).startsWith('/api/v1/auth/') ? signedOutResponse() : fetchMock(url, init),
  );
  return fetchMock;
}

function lastBody(fetchMock: ReturnType<typeof stubFetch>): Record<string, unknown> {
  const call = fetchMock.mock.calls.at(-1);
  if (!call) throw new Error('fetch was not called');
  return JSON.parse(String(call[1].body)) as Record<string, unknown>;
}

describe('tax calculator page', () => {
  it('renders the form with labelled fields and an empty estimate', async () => {
    stubFetch(() => jsonResponse(estimateFixture));
    renderCalculator();

    expect(await screen.findByRole('heading', { level: 1, name: 'Tax calculator' })).toBeTruthy();
    const year = screen.getByLabelText('Income year') as HTMLSelectElement;
    expect(year.value).toBe('2025-26');
    expect((screen.getByLabelText('Residency for tax purposes') as HTMLSelectElement).value).toBe('resident');
    for (const label of [
      'Salary and wages',
      'Allowances, tips and director’s fees',
      'Interest',
      'Franked dividends',
      'Unfranked dividends',
      'Franking credits',
      'Tax withheld',
      'Dependent children',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect(screen.getByRole('switch', { name: 'I had a spouse' }).getAttribute('aria-checked')).toBe('false');
    expect(screen.getByRole('switch', { name: 'I had private hospital cover all year' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'I have a study loan' })).toBeTruthy();
    expect(screen.getByLabelText('Seniors and pensioners tax offset')).toBeTruthy();
    expect(screen.getByText('Your estimate will appear here')).toBeTruthy();
  });

  it('shows a negative salary as an error next to the field, and does not ask for an estimate', async () => {
    const user = userEvent.setup();
    const fetchMock = stubFetch(() => jsonResponse(estimateFixture));
    renderCalculator();

    const salary = await screen.findByLabelText('Salary and wages');
    await user.type(salary, '-5000');
    await user.tab();

    const message = await screen.findByText('Salary and wages must not be negative.');
    expect(salary.getAttribute('aria-invalid')).toBe('true');
    const errorId = message.closest('p')?.id;
    expect(errorId).toBeTruthy();
    expect(salary.getAttribute('aria-describedby')?.split(' ')).toContain(errorId);
    // The message sits in a live region, so it is announced when it appears.
    expect(message.closest('[aria-live="polite"]')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('reads formatted amounts and shows them formatted after leaving the field', async () => {
    const user = userEvent.setup();
    stubFetch(() => jsonResponse(estimateFixture));
    renderCalculator();

    const salary = (await screen.findByLabelText('Salary and wages')) as HTMLInputElement;
    await user.type(salary, '85000.5');
    await user.tab();
    expect(salary.value).toBe('85,000.50');
  });

  it('goes back to the empty state when the form is cleared, without asking for an estimate of $0', async () => {
    const user = userEvent.setup();
    const fetchMock = stubFetch(() => jsonResponse(estimateFixture));
    renderCalculator();

    await user.type(await screen.findByLabelText('Salary and wages'), '85000');
    expect(await screen.findByTestId('estimate-outcome')).toBeTruthy();
    const asked = fetchMock.mock.calls.length;

    await user.click(screen.getByRole('button', { name: 'Clear the form' }));
    expect(await screen.findByText('Your estimate will appear here')).toBeTruthy();
    expect((screen.getByLabelText('Salary and wages') as HTMLInputElement).value).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 100)); // past the 30 ms debounce
    expect(fetchMock.mock.calls.length).toBe(asked);
    expect(screen.queryByTestId('estimate-outcome')).toBeNull();
  });

  it('submits the details and shows the refund, the summary and each explained line', async () => {
    const user = userEvent.setup();
    const fetchMock = stubFetch(() => jsonResponse(estimateFixture));
    renderCalculator();

    await user.type(await screen.findByLabelText('Salary and wages'), '85,000');
    await user.type(screen.getByLabelText('Tax withheld'), '20000');
    await user.click(screen.getByRole('button', { name: 'Calculate my tax' }));

    const outcome = await screen.findByTestId('estimate-outcome');
    expect(outcome.textContent).toBe('$2,012.00');
    const results = screen.getByRole('region', { name: 'Your estimate' });
    expect(within(results).getByText('Estimated refund')).toBeTruthy();

    const [url, init] = fetchMock.mock.calls.at(-1)!;
    expect(url).toBe('/api/v1/tax/estimate');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['X-Requested-With']).toBe('numeri');
    expect(lastBody(fetchMock)).toMatchObject({
      incomeYear: '2025-26',
      residency: 'resident',
      income: { salaryWages: 85000, allowances: 0 },
      taxWithheld: 20000,
      spouseTaxableIncome: null,
      dependentChildren: 0,
      privateHospitalCover: false,
      hasStudyLoan: false,
      saptoCategory: null,
    });

    const summary = screen.getByRole('region', { name: 'Your tax, step by step' });
    const rows = within(summary)
      .getAllByRole('term')
      .map((term) => [term.textContent, term.nextElementSibling?.textContent]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Taxable income', '$85,000.00'],
        ['Tax on taxable income', '$16,288.00'],
        ['Medicare levy', '$1,700.00'],
        ['Medicare levy surcharge', '$0.00'],
        ['Study loan repayment', '$0.00'],
        ['Total tax', '$17,988.00'],
        ['Your refund', '$2,012.00'],
      ]),
    );

    // Missing facts and the provisional notice.
    expect(screen.getByRole('heading', { name: 'To make this exact, tell us…' })).toBeTruthy();
    expect(screen.getByText('Do you have a private health insurance statement?')).toBeTruthy();
    expect(screen.getByText('Some figures for this year aren’t final')).toBeTruthy();

    // The chart's text alternative.
    const table = screen.getByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'You keep' })).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: 'Income tax' })).toBeTruthy();

    // Each line expands to its explanation and source.
    const trigger = screen.getByRole('button', { name: /Tax on taxable income\s*\$16,288\.00/ });
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    await user.click(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('Tax is $4,288 plus 30c for each $1 over $45,000.')).toBeTruthy();
    const source = screen.getByRole('link', { name: /ATO: Individual income tax rates/ });
    expect(source.getAttribute('href')).toBe(
      'https://www.ato.gov.au/tax-rates-and-codes/tax-rates-australian-residents',
    );
    expect(source.getAttribute('target')).toBe('_blank');
  });

  it('refreshes the estimate on its own when typing pauses', async () => {
    const user = userEvent.setup();
    const fetchMock = stubFetch(() => jsonResponse(estimateFixture));
    renderCalculator();

    await user.type(await screen.findByLabelText('Interest'), '120');
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(lastBody(fetchMock)).toMatchObject({ income: { interest: 120 } });
    expect(await screen.findByTestId('estimate-outcome')).toBeTruthy();
  });

  it('sends a spouse’s income only when there is a spouse', async () => {
    const user = userEvent.setup();
    const fetchMock = stubFetch(() => jsonResponse(estimateFixture));
    renderCalculator();

    await user.click(await screen.findByRole('switch', { name: 'I had a spouse' }));
    await user.type(screen.getByLabelText('Your spouse’s taxable income'), '40000');
    await user.click(screen.getByRole('button', { name: 'Calculate my tax' }));
    await screen.findByTestId('estimate-outcome');
    expect(lastBody(fetchMock)).toMatchObject({ spouseTaxableIncome: 40000 });

    await user.click(screen.getByRole('switch', { name: 'I had a spouse' }));
    expect(screen.queryByLabelText('Your spouse’s taxable income')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Calculate my tax' }));
    await waitFor(() => expect(lastBody(fetchMock)).toMatchObject({ spouseTaxableIncome: null }));
  });

  it('shows field errors from a 400 problem next to their fields', async () => {
    const user = userEvent.setup();
    stubFetch(() =>
      jsonResponse(
        {
          type: 'https://numeri.au/problems/validation',
          title: 'Invalid request',
          status: 400,
          code: 'validation_failed',
          errors: [{ field: 'body/taxWithheld', message: 'is more than your total income' }],
        },
        { status: 400, contentType: 'application/problem+json' },
      ),
    );
    renderCalculator();

    await user.type(await screen.findByLabelText('Tax withheld'), '999999');
    await user.click(screen.getByRole('button', { name: 'Calculate my tax' }));

    const field = screen.getByLabelText('Tax withheld');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    const errorId = field.getAttribute('aria-errormessage');
    expect(errorId).toBeTruthy();
    expect(document.getElementById(errorId!)?.textContent).toBe(
      'Tax withheld is more than your total income.',
    );
    expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(errorId);
    expect(screen.getByText('Some details need another look')).toBeTruthy();
  });

  it('says clearly when the estimate service cannot be reached, and can try again', async () => {
    const user = userEvent.setup();
    const fetchMock = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    renderCalculator();

    await user.type(await screen.findByLabelText('Salary and wages'), '60000');
    await user.click(screen.getByRole('button', { name: 'Calculate my tax' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The estimate service can’t be reached')).toBeTruthy();

    fetchMock.mockImplementation(async () => jsonResponse(estimateFixture));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect((await screen.findByTestId('estimate-outcome')).textContent).toBe('$2,012.00');
  });
});
