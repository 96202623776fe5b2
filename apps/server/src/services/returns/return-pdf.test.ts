import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assessmentToEstimateResponse,
  returnFactsSchema,
  returnItemSchema,
  returnToTaxReturnInput,
  type ReturnAssessment,
  type ReturnFacts,
  type ReturnItem,
  type TaxReturnView,
} from '@numeri/contracts';
import { assess, type IncomeYear } from '@numeri/tax-engine';
import {
  PDF_LAYOUT,
  formatMoney,
  layoutReturnPdf,
  renderReturnPdf,
  sanitizeText,
  truncateToWholeDollars,
  type ReturnPdfPerson,
} from './return-pdf';

const require = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));

// ---------------------------------------------------------------------------------------------
// Fixtures: items and facts written by hand; the assessment is the real engine's, so every total
// printed can be checked against the view.

const GENERATED_AT = new Date('2025-07-14T00:30:00Z');
const DOC_ACME = '0b7f1c52-3a8e-4e0f-9d55-6f2d8f7a1c01';
const DOC_HARBOUR = '0b7f1c52-3a8e-4e0f-9d55-6f2d8f7a1c02';
const DOC_BHP = '0b7f1c52-3a8e-4e0f-9d55-6f2d8f7a1c03';
const DOC_RECEIPT = '0b7f1c52-3a8e-4e0f-9d55-6f2d8f7a1c04';
const DOC_PHI = '0b7f1c52-3a8e-4e0f-9d55-6f2d8f7a1c05';

let nextId = 1;
const uuid = () => `6c1d2e3f-4a5b-4c6d-8e7f-${String(nextId++).padStart(12, '0')}`;
const region = (page: number) => ({ page, x: 0.1, y: 0.2, w: 0.3, h: 0.04 });

function item(input: Record<string, unknown>): ReturnItem {
  return returnItemSchema.parse({ id: uuid(), ...input });
}

function employeeItems(): ReturnItem[] {
  return [
    item({
      kind: 'employment',
      source: 'document',
      payerName: 'Acme Pty Ltd',
      payerAbn: '51824753556',
      grossPaymentsCents: 8_543_255,
      taxWithheldCents: 1_987_600,
      reportableEmployerSuperCents: 250_000,
      evidence: [
        {
          documentId: DOC_ACME,
          fieldKey: 'grossPayments',
          region: region(1),
          label: 'Income statement — Acme Pty Ltd: Gross payments',
        },
        {
          documentId: DOC_ACME,
          fieldKey: 'taxWithheld',
          region: region(1),
          label: 'Income statement — Acme Pty Ltd: Tax withheld',
        },
      ],
    }),
    item({
      kind: 'employment',
      source: 'document',
      payerName: 'Harbour Café Pty Ltd',
      payerAbn: '33102417032',
      grossPaymentsCents: 2_100_000,
      taxWithheldCents: 400_000,
      allowancesCents: 35_050,
      evidence: [
        {
          documentId: DOC_HARBOUR,
          fieldKey: 'grossPayments',
          region: region(2),
          label: 'PAYG payment summary — Harbour Café Pty Ltd: Gross payments',
        },
      ],
    }),
    item({ kind: 'interest', institution: 'Commonwealth Bank', grossInterestCents: 12_345 }),
    item({
      kind: 'dividend',
      source: 'document',
      company: 'BHP Group Ltd',
      paymentDate: '2024-09-26',
      frankedCents: 70_000,
      frankingCreditCents: 30_000,
      evidence: [
        {
          documentId: DOC_BHP,
          fieldKey: 'frankedAmount',
          region: region(1),
          label: 'Dividend statement — BHP Group Ltd: Franked amount',
        },
        {
          documentId: DOC_BHP,
          fieldKey: 'frankingCredit',
          region: region(1),
          label: 'Dividend statement — BHP Group Ltd: Franking credit',
        },
      ],
    }),
    item({
      kind: 'dividend',
      company: 'Telstra Group Ltd',
      frankedCents: 18_000,
      frankingCreditCents: 7_714,
      unfrankedCents: 1_250,
    }),
    item({ kind: 'working-from-home', hours: 1_000, energyCents: 30_000, phoneAndInternetCents: 24_000 }),
    item({
      kind: 'deduction',
      source: 'document',
      label: 'D5',
      description: 'Laptop bag',
      supplier: 'Officeworks',
      date: '2024-10-12',
      amountCents: 12_900,
      evidence: [
        {
          documentId: DOC_RECEIPT,
          fieldKey: 'total',
          region: region(1),
          label: 'Receipt — Officeworks: Total',
        },
      ],
    }),
    item({
      kind: 'deduction',
      label: 'D10',
      description: 'Tax agent fee for last year’s return → paid in July',
      amountCents: 33_000,
    }),
    item({
      kind: 'private-health',
      source: 'document',
      insurer: 'Medibank',
      benefitCode: 30,
      premiumsEligibleCents: 180_000,
      rebateReceivedCents: 44_000,
      evidence: [
        {
          documentId: DOC_PHI,
          fieldKey: 'premiumsPaid',
          region: region(1),
          label: 'Private health insurance statement — Medibank: Premiums',
        },
      ],
    }),
    item({
      kind: 'private-health',
      insurer: 'Medibank',
      benefitCode: 31,
      premiumsEligibleCents: 60_000,
      rebateReceivedCents: 14_200,
    }),
  ];
}

const employeeFacts: ReturnFacts = returnFactsSchema.parse({
  residency: { kind: 'resident' },
  spouse: null,
  dependentChildren: 0,
  hospitalCover: 'full-year',
  hasStudyLoan: true,
  studyLoanBalanceCents: 2_000_000,
  sapto: null,
});

/** The stored assessment, as the returns service builds it from the engine. */
function assessmentFor(year: IncomeYear, facts: ReturnFacts, items: ReturnItem[]): ReturnAssessment {
  const result = assess(returnToTaxReturnInput(year, facts, items));
  if (!result.ok) throw new Error(`fixture does not assess: ${JSON.stringify(result.issues)}`);
  const a = result.assessment;
  return {
    totalIncomeCents: a.totalIncome,
    totalDeductionsCents: a.totalDeductions,
    taxableIncomeCents: a.taxableIncome,
    taxOnTaxableIncomeCents: a.taxOnTaxableIncome,
    offsets: a.offsets
      .filter((o) => o.applied > 0)
      .map((o) => ({ id: o.id, name: o.name, appliedCents: o.applied, refundable: o.refundable })),
    netIncomeTaxCents: a.netIncomeTax,
    medicareLevyCents: a.medicareLevy,
    medicareLevySurchargeCents: a.medicareLevySurcharge,
    privateHealthAdjustmentCents: a.privateHealthAdjustment,
    studyLoanRepaymentCents: a.studyLoanRepayment,
    totalLiabilityCents: a.totalLiability,
    creditsCents: a.credits,
    refundableOffsetsCents: a.refundableOffsets,
    refundCents: a.refund,
    marginalRatePercent: a.marginalRatePercent,
    carryForward: {
      taxLossesCents: a.carryForward.taxLosses,
      netCapitalLossesCents: a.carryForward.netCapitalLosses,
    },
    lines: assessmentToEstimateResponse(a).lines,
    provisional: a.provisional.map((p) => ({ id: p.id, reason: p.reason })),
    caveats: a.completeness.caveats.map((c) => ({ id: c.id, message: c.message })),
  };
}

function viewOf(
  items: ReturnItem[],
  facts: ReturnFacts,
  overrides: Partial<TaxReturnView> = {},
): TaxReturnView {
  const assessment = assessmentFor('2024-25', facts, items);
  const recordsFor = items.filter((i) => i.kind === 'deduction' || i.kind === 'working-from-home');
  return {
    id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    incomeYear: '2024-25',
    revision: 1,
    status: 'ready',
    version: 7,
    taxableIncomeCents: assessment.taxableIncomeCents,
    totalTaxCents: assessment.totalLiabilityCents,
    refundCents: assessment.refundCents,
    complete: true,
    updatedAt: '2025-07-12T05:10:00.000Z',
    lodgedAt: null,
    amendsId: null,
    sections: [
      'employment',
      'interest',
      'dividends',
      'working-from-home',
      'work-deductions',
      'private-health',
    ],
    facts,
    items,
    assessment,
    assessmentIssues: [],
    missing: [],
    records: recordsFor.map((i) => ({
      itemId: i.id,
      expected:
        i.kind === 'working-from-home'
          ? 'A record of the actual hours you worked from home for the whole year.'
          : 'A receipt showing the supplier, what you bought, the date and the amount.',
      attached: i.evidence.length > 0,
      note: null,
      source: {
        title:
          i.kind === 'working-from-home'
            ? 'ATO: Working from home expenses (PCG 2023/1)'
            : 'ATO: Records you need to keep',
      },
    })),
    reviewSignedOff: null,
    lodgment: null,
    ...overrides,
  };
}

const person: ReturnPdfPerson = {
  name: 'Jordan Citizen',
  tfnMasked: '*** *** 782',
  email: 'jordan@example.com',
};

const SANDBOX_NOTICE =
  'Sandbox lodgment: this return was checked and frozen by Numeri but NOT sent to the ATO. Lodge it in myTax or through a registered tax agent using the exported summary.';

// ---------------------------------------------------------------------------------------------
// Reading the PDF back

interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
}

/**
 * `pages`: the text runs of each page; `text`: every run on its own line; `flat`: the runs joined
 * with spaces, so a sentence wrapped over several lines reads as one.
 */
async function extract(
  bytes: Uint8Array,
): Promise<{ pages: TextItem[][]; text: string; flat: string; pageWidth: number; pageHeight: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    standardFontDataUrl: `${PDFJS_DIR}/standard_fonts/`,
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages: TextItem[][] = [];
    let pageWidth = 0;
    let pageHeight = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      pageWidth = viewport.width;
      pageHeight = viewport.height;
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str.trim()) continue;
        const transform = it.transform as number[];
        items.push({ str: it.str, x: transform[4] ?? 0, y: transform[5] ?? 0, width: it.width });
      }
      pages.push(items);
    }
    const text = pages.map((p) => p.map((i) => i.str).join('\n')).join('\n');
    return { pages, text, flat: text.replace(/\s+/g, ' '), pageWidth, pageHeight };
  } finally {
    await task.destroy();
  }
}

/** An independent formatter for the expected figures (Intl, not the module's own). */
const aud = (cents: number, fractionDigits: 0 | 2) =>
  (cents / 100).toLocaleString('en-AU', {
    style: 'currency',
    currency: 'AUD',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });

// ---------------------------------------------------------------------------------------------

describe('renderReturnPdf: an employee with two employers, interest, dividends, WFH, receipts and private health', () => {
  const view = viewOf(employeeItems(), employeeFacts);
  const a = view.assessment as ReturnAssessment;
  let extracted: Awaited<ReturnType<typeof extract>>;

  it('renders a multi-page A4 PDF with a header and "Page n of N" on every page', async () => {
    const bytes = await renderReturnPdf(view, person, { generatedAt: GENERATED_AT });
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    extracted = await extract(bytes);
    const n = extracted.pages.length;
    expect(n).toBeGreaterThan(1);
    expect(extracted.pageWidth).toBeCloseTo(595.28, 1);
    expect(extracted.pageHeight).toBeCloseTo(841.89, 1);
    extracted.pages.forEach((items, i) => {
      const strs = items.map((x) => x.str);
      expect(strs).toContain(`Page ${i + 1} of ${n}`);
      expect(strs).toContain('Prepared with Numeri');
      expect(strs.some((s) => s.includes('Jordan Citizen') && s.includes('1 July 2024 – 30 June 2025'))).toBe(
        true,
      );
    });
    expect(extracted.pages[0]?.map((x) => x.str)).toContain(`Page 1 of ${n}`);
  });

  it('shows the cover: name, masked TFN only, income year, status, not lodged, and the summary box', () => {
    const cover = extracted.pages[0]?.map((x) => x.str).join('\n') ?? '';
    expect(cover).toContain('Jordan Citizen');
    expect(cover).toContain('*** *** 782');
    expect(cover).toContain('1 July 2024 – 30 June 2025 (2024-25)');
    expect(cover).toContain('Ready (marked ready to lodge)');
    expect(cover).toContain(
      'Not lodged — enter these figures in myTax or give this summary to your tax agent.',
    );
    expect(cover).not.toContain('Receipt number');
    expect(cover).toContain('Taxable income');
    expect(cover).toContain(aud(a.taxableIncomeCents, 0));
    expect(cover).toContain(aud(a.totalLiabilityCents, 2));
    if (a.refundCents >= 0) expect(cover).toContain('Estimated refund');
    else {
      expect(cover).toContain('Estimated amount owing');
      expect(cover).toContain(aud(-a.refundCents, 2));
    }
    // The TFN never appears unmasked anywhere.
    expect(extracted.text).not.toMatch(/123\s?456\s?782/);
  });

  it('lays income out by ATO item and label, with each figure and its evidence', () => {
    const t = extracted.text;
    expect(t).toContain('Item 1 Salary or wages');
    expect(t).toContain('Acme Pty Ltd, ABN 51 824 753 556');
    expect(t).toContain('Harbour Café Pty Ltd, ABN 33 102 417 032');
    expect(t).toContain('$85,432.55 [1]');
    expect(t).toContain('$19,876 [2]');
    expect(t).toContain('$21,000 [1]');
    expect(extracted.flat).toContain(
      'Evidence (read from a document): [1] Income statement — Acme Pty Ltd: Gross payments (document page 1); [2] Income statement — Acme Pty Ltd: Tax withheld (document page 1)',
    );
    // Item 1 totals: 85,432.55 + 21,000.00 → $106,432 (cents dropped); withholding keeps cents.
    expect(t).toContain('Total gross payments, item 1 (whole dollars)');
    expect(t).toContain('$106,432');
    expect(t).toContain('$23,876.00');
    // Item 2 from the second income statement.
    expect(t).toContain('Item 2 Allowances, earnings, tips, director’s fees etc');
    expect(t).toContain('$350.50');

    expect(t).toContain('Item 10 Gross interest');
    expect(t).toContain('Gross interest (label L)');
    expect(t).toContain('$123.45');
    expect(t).toContain('Total gross interest, Item 10 label L (whole dollars)');
    expect(t).toContain('Evidence: none attached (entered by hand).');

    expect(t).toContain('Item 11 Dividends');
    expect(t).toContain('Franked amount (label T)');
    expect(t).toContain('Franking credit (label U)');
    expect(t).toContain('Unfranked amount (label S)');
    expect(t).toContain('$700 [1]');
    expect(t).toContain('$300 [2]');
    expect(t).toContain('Paid 26 September 2024');
    // T: 700 + 180 = $880; U keeps cents: 300 + 77.14 = $377.14; S: $12 (12.50, cents dropped).
    expect(t).toContain('Total franked amount, Item 11 label T (whole dollars)');
    expect(t).toContain('$880');
    expect(t).toContain('$377.14');
    expect(t).toContain('Total unfranked amount, Item 11 label S (whole dollars)');
    expect(t).toMatch(/\n\$12\n/);

    expect(t).toContain('Total income or loss (whole dollars)');
    expect(t).toContain(aud(a.totalIncomeCents, 0));
  });

  it('lays deductions out by D-label with each claim, its evidence and the label total the assessment used', () => {
    const t = extracted.text;
    expect(t).toContain('D5 Other work-related expenses (label E)');
    expect(t).toContain('Laptop bag');
    expect(t).toContain('Officeworks, 12 October 2024');
    expect(t).toContain('$129 [1]');
    expect(t).toContain('[1] Receipt — Officeworks: Total (document page 1)');
    expect(t).toContain('Working from home');
    expect(t).toContain('Hours worked from home');
    const wfh = a.lines.find((l) => l.id === 'deduction.D5.workingFromHome');
    expect(wfh).toBeDefined();
    expect(t).toContain(`Claim: ${wfh?.label}`);
    const d5 = a.lines.find((l) => l.id === 'deduction.D5');
    expect(t).toContain('Total D5 label E (whole dollars)');
    expect(t).toContain(aud(Math.round((d5?.amount ?? 0) * 100), 0));
    // D10 has no single letter (it is split by type); the sanitiser turned "→" into "->".
    expect(t).toContain('D10 Cost of managing tax affairs (labels L, M or N by type)');
    expect(t).toContain('Tax agent fee for last year’s return -> paid in July');
    expect(t).toContain('Total D10 (whole dollars)');
    expect(t).toContain('Total deductions (whole dollars)');
    expect(t).toContain(aud(a.totalDeductionsCents, 0));
  });

  it('shows offsets, Medicare (M1/M2), private health statement lines with benefit codes, income tests and the study loan', () => {
    const t = extracted.text;
    expect(t).toContain('Medicare levy (M1)');
    expect(t).toContain('Australian resident for the whole year');
    expect(t).toContain('No spouse at any time during the year.');
    expect(t).toContain('Medicare levy surcharge (M2)');
    expect(extracted.flat).toContain(
      'covered by private patient hospital cover for the whole year? M2 label E Yes',
    );
    expect(t).toContain('Private health insurance policy details');
    expect(t).toContain('Your premiums eligible for Australian Government rebate (label J)');
    expect(t).toContain('Your Australian Government rebate received (label K)');
    expect(t).toContain('Benefit code (label L)');
    expect(t).toContain('$1,800 [1]');
    expect(t).toContain('Benefit code 30: everyone covered under 65, 1 July to 31 March.');
    expect(t).toContain('Benefit code 31: everyone covered under 65, 1 April to 30 June.');
    expect(t).toContain('Reportable employer superannuation contributions, IT2 label T');
    expect(t).toContain('$2,500');
    expect(t).toContain('Compulsory repayment');
    expect(t).toContain(aud(a.studyLoanRepaymentCents, 2));
    expect(t).toContain('Franking credits (refundable)');
  });

  it('prints every explanation line of the assessment with its amount, sentence and source, then the totals', () => {
    const t = extracted.flat;
    expect(a.lines.length).toBeGreaterThan(8);
    for (const line of a.lines) {
      expect(extracted.text).toContain(line.label);
      const cents = Math.round(line.amount * 100);
      expect(extracted.text).toContain(
        formatMoney(line.id === 'result.refund' ? Math.abs(cents) : cents, { cents: 'always' }),
      );
      // Long sentences wrap; compare with the line breaks removed.
      expect(t).toContain(line.explanation.replace(/→/g, '->').replace(/\s+/g, ' '));
      expect(t).toContain(`Source: ${line.source.title}`.replace(/\s+/g, ' '));
    }
    expect(extracted.text).toContain('How your tax was worked out');
    expect(extracted.text).toContain(aud(a.netIncomeTaxCents, 2));
    expect(extracted.text).toContain(aud(a.medicareLevyCents, 2));
  });

  it('lists the records checklist and the open items', () => {
    const t = extracted.text;
    expect(t).toContain('Records checklist');
    expect(extracted.flat).toContain('1 of 3 claims have a record attached in Numeri.');
    expect(t).toContain('D5 Other work-related expenses: Laptop bag (Officeworks), $129');
    expect(t).toContain('Attached (1 document)');
    expect(t).toContain('Not attached');
    expect(t).toContain('Open items');
    expect(t).toContain('Nothing is missing');
    expect(t).toContain('Not yet reviewed by a tax agent or reviewer.');
  });

  it('is deterministic for the same inputs', async () => {
    const one = await renderReturnPdf(view, person, { generatedAt: GENERATED_AT });
    const two = await renderReturnPdf(view, person, { generatedAt: GENERATED_AT });
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
  });
});

describe('renderReturnPdf: a return lodged through the sandbox', () => {
  it('shows the receipt number and, in bold, that it was not sent to the ATO', async () => {
    const items = employeeItems();
    const view = viewOf(items, employeeFacts, {
      status: 'lodged',
      lodgedAt: '2025-07-13T01:00:00.000Z',
      reviewSignedOff: { by: 'Sam Agent', at: '2025-07-12T23:00:00.000Z' },
      lodgment: {
        receiptNumber: 'SBX-202425-K7M2P9QW',
        lodgedAt: '2025-07-13T01:00:00.000Z',
        channel: 'sandbox',
        notice: SANDBOX_NOTICE,
        events: [
          {
            status: 'submitted',
            at: '2025-07-13T01:00:00.000Z',
            detail: 'The return was frozen and submitted to the sandbox.',
          },
          {
            status: 'recorded (sandbox)',
            at: '2025-07-13T01:00:00.000Z',
            detail: 'Recorded in the sandbox. Not sent to the ATO.',
          },
        ],
      },
    });
    const { bytes, lines } = await layoutReturnPdf(view, person, { generatedAt: GENERATED_AT });
    const { pages, text } = await extract(bytes);
    const cover = pages[0]?.map((x) => x.str).join('\n') ?? '';
    expect(cover).toContain('Lodged');
    expect(cover).toContain('Receipt number: SBX-202425-K7M2P9QW');
    expect(cover).toContain('not sent to the ATO');
    expect(cover).not.toContain('Not lodged');
    // The sandbox notice is drawn in bold.
    const bold = lines.filter((l) => l.page === 1 && l.text.includes('not sent to the ATO'));
    expect(bold.length).toBeGreaterThan(0);
    expect(text).toContain(SANDBOX_NOTICE.slice(0, 40));
    expect(text).toContain('Reviewed and signed off by Sam Agent on 13 July 2025');
    expect(text).toContain('recorded (sandbox)');
  });

  it('marks an amendment and an incomplete return with its open items', async () => {
    const items = employeeItems();
    const view = viewOf(items, employeeFacts, {
      revision: 2,
      amendsId: '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d',
      status: 'draft',
      complete: false,
      missing: [
        {
          id: 'section.rental',
          question: 'Add each rental property',
          reason: 'You said this applies to you this year.',
        },
      ],
    });
    const { text } = await extract(await renderReturnPdf(view, person, { generatedAt: GENERATED_AT }));
    expect(text).toContain('2 (amends an earlier lodged return)');
    expect(text).toContain('This is an amendment.');
    expect(text).toContain('Not complete: 1 open item');
    expect(text).toContain('- Add each rental property');
    expect(text).toContain('Not lodged — enter these figures in myTax');
  });

  it('prints "Not provided" when there is no TFN and explains a return that cannot be assessed', async () => {
    const view: TaxReturnView = {
      ...viewOf(employeeItems(), employeeFacts),
      assessment: null,
      complete: false,
      assessmentIssues: [{ field: 'sapto.category', message: 'A couple category needs a spouse' }],
    };
    const { text } = await extract(
      await renderReturnPdf(view, { ...person, tfnMasked: null }, { generatedAt: GENERATED_AT }),
    );
    expect(text).toContain('Not provided');
    expect(text).toContain('This return has not been assessed yet.');
    expect(text).toContain('sapto.category: A couple category needs a spouse');
    expect(text).toContain('Worked out when assessed');
  });
});

describe('renderReturnPdf: every kind of item', () => {
  it('prints each ATO item it covers, with its labels and totals', async () => {
    const items: ReturnItem[] = [
      ...employeeItems(),
      item({
        kind: 'employment',
        payerName: 'Old Job Pty Ltd',
        grossPaymentsCents: 500_000,
        taxWithheldCents: 100_000,
        lumpSumACents: 300_000,
        lumpSumAType: 'R',
        lumpSumBCents: 100_000,
        reportableFringeBenefitsCents: 450_000,
        fringeBenefitsEmployerExempt: true,
      }),
      item({
        kind: 'government-payment',
        paymentType: 'allowance',
        description: 'JobSeeker Payment',
        amountCents: 150_000,
        taxWithheldCents: 0,
      }),
      item({
        kind: 'government-payment',
        paymentType: 'pension',
        description: 'Carer Payment',
        amountCents: 80_000,
      }),
      item({
        kind: 'distribution',
        trustName: 'Vanguard Australian Shares Index Fund',
        nonPrimaryProductionCents: 45_678,
        frankingCreditsCents: 12_345,
        capitalGainsDiscountableCents: 40_000,
        capitalGainsOtherCents: 5_000,
        foreignIncomeCents: 8_800,
        foreignTaxPaidCents: 1_300,
      }),
      item({ kind: 'business', description: 'Weekend photography', netIncomeCents: -120_000 }),
      item({
        kind: 'capital-gain',
        description: '100 CSL shares sold',
        amountCents: 412_345,
        discountEligible: true,
      }),
      item({
        kind: 'foreign-income',
        description: 'UK bank interest',
        amountCents: 23_456,
        foreignTaxPaidCents: 2_000,
      }),
      item({
        kind: 'rental-property',
        address: '12 Example Street, Newtown NSW 2042',
        grossRentCents: 2_600_000,
        interestCents: 1_800_000,
        capitalWorksCents: 350_000,
        otherDeductionsCents: 600_000,
      }),
      item({ kind: 'other-income', description: 'Prize money', amountCents: 50_000 }),
      item({ kind: 'car', description: 'Toyota Corolla', businessKilometres: 3_200 }),
      item({ kind: 'self-education', description: 'Graduate certificate unit', amountCents: 180_000 }),
      item({ kind: 'deduction', label: 'D9', description: 'Red Cross', amountCents: 10_000 }),
      item({
        kind: 'deduction',
        label: 'D12',
        description: 'Personal super contribution',
        amountCents: 500_000,
      }),
    ];
    const facts = returnFactsSchema.parse({
      ...employeeFacts,
      priorYearTaxLossesCents: 70_000,
      priorYearCapitalLossesCents: 10_000,
      paygInstalmentsCents: 25_000,
    });
    const view = viewOf(items, facts);
    const { flat } = await extract(await renderReturnPdf(view, person, { generatedAt: GENERATED_AT }));
    for (const expected of [
      'Item 3 Employer lump sum payments',
      'Lump sum A, type R (label R)',
      '5% of lump sum B, Item 3 label H',
      'Item 5 Australian Government allowances and payments',
      'Item 6 Australian Government pensions and allowances',
      'Total income, Item 6 label B (whole dollars) $800',
      'Item 13 Partnerships and trusts',
      'Share of franking credits (label Q) $123.45',
      'Item 15 Net income or loss from business',
      'Net loss from business $1,200',
      'Net income or loss from business, item 15 (whole dollars) $1,200 loss',
      'Counted in this year’s income (a non-commercial loss is deferred) $0',
      'Item 18 Capital gains',
      'Did you have a capital gains tax event during the year? Item 18 label G Yes',
      // 4,123.45 + 400 + 50 → $4,573 at H.
      'Total current year capital gains, Item 18 label H (whole dollars) $4,573',
      'Net capital gain, Item 18 label A (after losses and the discount)',
      'Item 20 Foreign source income and foreign assets or property',
      'Foreign income tax offset, Item 20 label O',
      'Item 21 Rent',
      '12 Example Street, Newtown NSW 2042',
      'Net rental loss $1,500',
      'Net rent, item 21 (whole dollars) $1,500 loss',
      'Item 24 Other income',
      'D1 Work-related car expenses (label A)',
      'Work kilometres 3,200',
      'D4 Work-related self-education expenses',
      'D9 Gifts or donations',
      'D12 Personal superannuation contributions (label H)',
      'L1 Tax losses of earlier income years',
      'Tax losses carried forward from earlier years $700',
      'Reportable fringe benefits, employers exempt from FBT under section 57A, IT1 label N $4,500',
      'PAYG instalments paid this year $250',
    ]) {
      expect(flat).toContain(expected);
    }
    const car = view.assessment?.lines.find((l) => l.id === 'deduction.D1.car.0');
    expect(car).toBeDefined();
    expect(flat).toContain(`Claim: ${car?.label}`);
  });
});

describe('renderReturnPdf: a hundred items', () => {
  it('paginates without any line running off the page', async () => {
    const items: ReturnItem[] = [employeeItems()[0] as ReturnItem];
    const labels = ['D2', 'D3', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D15'] as const;
    for (let i = 0; i < 70; i++) {
      items.push(
        item({
          kind: 'deduction',
          label: labels[i % labels.length],
          description:
            `Claim ${i + 1}: ${'a long description of a work-related purchase that needs wrapping '.repeat(1 + (i % 3))}`.slice(
              0,
              200,
            ),
          supplier: `Supplier ${i + 1}`,
          amountCents: 1_000 + i * 1_337,
          workUseBasisPoints: i % 4 === 0 ? 6_000 : 10_000,
          evidence:
            i % 2
              ? [
                  {
                    documentId: DOC_RECEIPT,
                    fieldKey: 'total',
                    region: region(1 + (i % 5)),
                    label: `Receipt — Supplier ${i + 1}: Total`,
                  },
                ]
              : [],
        }),
      );
    }
    for (let i = 0; i < 29; i++)
      items.push(
        item({
          kind: 'interest',
          institution: `Bank number ${i + 1} with a rather long institution name`,
          grossInterestCents: 5_000 + i * 71,
        }),
      );
    expect(items).toHaveLength(100);

    const view = viewOf(items, employeeFacts);
    const { bytes, lines, pageCount } = await layoutReturnPdf(view, person, { generatedAt: GENERATED_AT });
    expect(pageCount).toBeGreaterThan(8);

    // Every line the layout drew stays inside its band of the page.
    for (const l of lines) {
      expect(l.x).toBeGreaterThanOrEqual(PDF_LAYOUT.marginX - 0.01);
      expect(l.x + l.width).toBeLessThanOrEqual(PDF_LAYOUT.pageWidth - PDF_LAYOUT.marginX + 0.01);
      if (l.role === 'content') {
        expect(l.y).toBeGreaterThanOrEqual(PDF_LAYOUT.contentBottom);
        expect(l.y + l.size).toBeLessThanOrEqual(PDF_LAYOUT.contentTop + 0.01);
      }
    }

    // And the PDF itself agrees: every text run read back is on the page, above the footer line
    // (pdfjs measures the standard fonts with its own metrics, so allow a point or two).
    const { pages, text } = await extract(bytes);
    expect(pages).toHaveLength(pageCount);
    for (const page of pages) {
      for (const t of page) {
        expect(t.y).toBeGreaterThanOrEqual(PDF_LAYOUT.footerBaseline - 0.5);
        expect(t.x).toBeGreaterThanOrEqual(PDF_LAYOUT.marginX - 0.5);
        expect(t.x + t.width).toBeLessThanOrEqual(PDF_LAYOUT.pageWidth - PDF_LAYOUT.marginX + 2);
        if (!t.str.startsWith('Page ') && !t.str.startsWith('Tax return summary'))
          expect(t.y).toBeGreaterThanOrEqual(PDF_LAYOUT.contentBottom - 0.5);
      }
    }
    expect(text).toContain(`Page ${pageCount} of ${pageCount}`);
    expect(text).toContain('Claim 70:');
    expect(text).toContain('Bank number 29 with a rather long institution name');
    // All 29 interest amounts add up at label L (whole dollars).
    const interest = items.filter(
      (i): i is Extract<ReturnItem, { kind: 'interest' }> => i.kind === 'interest',
    );
    const expected = truncateToWholeDollars(interest.reduce((s, i) => s + i.grossInterestCents, 0));
    expect(text).toContain(aud(expected, 0));
  });
});

describe('formatting helpers', () => {
  it('formats en-AU dollars with thousands separators and a readable minus', () => {
    expect(formatMoney(8_543_255)).toBe('$85,432.55');
    expect(formatMoney(8_543_200)).toBe('$85,432');
    expect(formatMoney(8_543_200, { cents: 'always' })).toBe('$85,432.00');
    expect(formatMoney(123_456_789_00, { cents: 'never' })).toBe('$123,456,789');
    expect(formatMoney(-18_987)).toBe('-$189.87');
    expect(formatMoney(0)).toBe('$0');
    expect(formatMoney(-0.4)).toBe('$0');
    expect(truncateToWholeDollars(10_643_255)).toBe(10_643_200);
    expect(truncateToWholeDollars(-1_250)).toBe(-1_200);
    expect(truncateToWholeDollars(-50)).toBe(0);
  });

  it('replaces what WinAnsi fonts cannot draw', () => {
    const drawable = new Set([...' abc->?éÉ–'].map((c) => c.codePointAt(0) ?? 0));
    expect(sanitizeText('a → b', drawable)).toBe('a -> b');
    expect(sanitizeText('a − b', drawable)).toBe('a - b');
    expect(sanitizeText('a\u00a0b\nc', drawable)).toBe('a b c');
    expect(sanitizeText('é – 😀', drawable)).toBe('é – ?');
    expect(sanitizeText('ã', new Set(['a'.codePointAt(0) ?? 0]))).toBe('a');
  });
});
