import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../support/test-app';
import { randomIp } from '../support/accounts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const estimate = (payload: unknown, ip = randomIp()) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/tax/estimate',
    payload: payload as object,
    remoteAddress: ip,
  });

describe('POST /api/v1/tax/estimate', () => {
  it('works without signing in and explains every line', async () => {
    // 2024-25 resident, taxable income $85,000:
    //   tax = $4,288 + 30% × ($85,000 − $45,000) = $16,288.00; LITO nil above $66,667;
    //   Medicare levy = 2% × $85,000 = $1,700.00; total $17,988.00; withheld $18,000 → refund $12.00.
    const response = await estimate({
      incomeYear: '2024-25',
      income: { salaryWages: 85_000 },
      taxWithheld: 18_000,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      incomeYear: '2024-25',
      taxableIncome: 85_000,
      taxOnTaxableIncome: 16_288,
      medicareLevy: 1_700,
      medicareLevySurcharge: 0,
      studyLoanRepayment: 0,
      totalTax: 17_988,
      taxWithheld: 18_000,
      refund: 12,
    });
    for (const line of body.lines) {
      expect(line.explanation.length).toBeGreaterThan(10);
      expect(line.source.title.length).toBeGreaterThan(5);
    }
  });

  it('reports what is still unknown', async () => {
    const body = (await estimate({ incomeYear: '2025-26', income: { salaryWages: 120_000 } })).json();
    expect(Array.isArray(body.missing)).toBe(true);
    expect(typeof body.complete).toBe('boolean');
  });

  it('names each bad field in a 400 problem', async () => {
    const response = await estimate({
      incomeYear: '2019-20',
      income: { salaryWages: -1, interest: 10.001 },
      dependentChildren: 1.5,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(
      response
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['dependentChildren', 'income.interest', 'income.salaryWages', 'incomeYear']);
  });

  it('rejects unknown fields instead of silently ignoring them', async () => {
    const response = await estimate({ incomeYear: '2024-25', income: { salary: 85_000 } });
    expect(response.statusCode).toBe(400);
    // At the top level too: `salaryCents` once gave a $0 estimate with a 200.
    const topLevel = await estimate({ incomeYear: '2025-26', salaryCents: 8_500_000 });
    expect(topLevel.statusCode).toBe(400);
    expect(topLevel.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(topLevel.json())).toContain('salaryCents');
  });

  it('counts estimates in the metrics', async () => {
    await estimate({ incomeYear: '2023-24', income: { salaryWages: 50_000 } });
    expect((await ctx.app.inject('/metrics')).body).toMatch(
      /numeri_tax_estimates_total\{income_year="2023-24"\} [1-9]/,
    );
  });

  it('is rate limited per client', async () => {
    const ip = randomIp();
    let limited = 0;
    for (let i = 0; i < 125; i += 1)
      if ((await estimate({ incomeYear: '2024-25' }, ip)).statusCode === 429) limited += 1;
    expect(limited).toBe(5);
  });
});
