import {
  assessmentToEstimateResponse,
  returnItemSchema,
  recordStatus,
  returnToTaxReturnInput,
  type ReturnAssessment,
  type ReturnFacts,
  type ReturnItem,
  type ReturnItemInput,
  type ReturnSection,
  type ReturnSummary,
  type ReturnUpdate,
  type TaxReturnView,
} from '@numeri/contracts';
import { assess, type IncomeYear } from '@numeri/tax-engine';
import { json, problem, type MockRoutes } from '../../test/api-mock';
import { assessLive } from './live-assessment';

export const RETURN_ID = '0b9c2f7e-1d2a-4c3b-8e4f-5a6b7c8d9e0f';
export const OWNER_ID = '7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a';

export function item(input: ReturnItemInput): ReturnItem {
  return returnItemSchema.parse(input);
}

export function employer(
  overrides: Partial<Extract<ReturnItemInput, { kind: 'employment' }>> = {},
): ReturnItem {
  return item({
    id: '11111111-1111-4111-8111-111111111111',
    kind: 'employment',
    payerName: 'Acme Pty Ltd',
    grossPaymentsCents: 8_500_000,
    taxWithheldCents: 1_800_000,
    ...overrides,
  });
}

/** What the server's view of a stored return looks like (the same engine and mapping as the server). */
export function returnView(
  stored: { sections?: ReturnSection[]; facts?: ReturnFacts; items?: ReturnItem[] } = {},
  overrides: Partial<TaxReturnView> = {},
): TaxReturnView {
  const incomeYear = (overrides.incomeYear ?? '2024-25') as IncomeYear;
  const sections = stored.sections ?? [];
  const facts = stored.facts ?? {};
  const items = stored.items ?? [];
  const live = assessLive(incomeYear, facts, sections, items);
  const result = assess(returnToTaxReturnInput(incomeYear, facts, items));
  let assessment: ReturnAssessment | null = null;
  if (result.ok) {
    const a = result.assessment;
    assessment = {
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
  return {
    id: RETURN_ID,
    incomeYear,
    revision: 1,
    status: 'draft',
    version: 3,
    taxableIncomeCents: assessment?.taxableIncomeCents ?? null,
    totalTaxCents: assessment?.totalLiabilityCents ?? null,
    refundCents: assessment?.refundCents ?? null,
    complete: live.complete,
    updatedAt: '2026-11-20T01:00:00.000Z',
    lodgedAt: null,
    amendsId: null,
    sections,
    facts,
    items,
    assessment,
    assessmentIssues: live.issues,
    missing: live.missing,
    records: items
      .filter((i) => i.kind === 'deduction' || i.kind === 'working-from-home' || i.kind === 'car')
      .map((i) => ({
        itemId: i.id,
        expected: 'A receipt showing the supplier, what you bought, the date and the amount.',
        ...recordStatus(i, items),
        source: { title: 'ATO: Records you need to keep', url: 'https://www.ato.gov.au/records' },
      })),
    reviewSignedOff: null,
    lodgment: null,
    ...overrides,
  };
}

/**
 * A small fake of the returns API for one year: GET, PATCH with optimistic locking (applied the
 * server's way), checklist and comments. `state.view` is what the server holds.
 */
export function returnsServer(initial: TaxReturnView, options: { ownerId?: string } = {}) {
  const state = { view: initial, patches: [] as ReturnUpdate[] };
  const year = initial.incomeYear;
  const routes: MockRoutes = {
    [`GET /api/v1/returns/${year}`]: () => json(state.view),
    [`PATCH /api/v1/returns/${year}`]: (request) => {
      const body = request.body as ReturnUpdate;
      state.patches.push(body);
      if (body.version !== state.view.version) {
        return problem(
          409,
          'VERSION_CONFLICT',
          'This return changed since you loaded it (perhaps in another tab).',
        );
      }
      const removed = new Set(body.removeItemIds ?? []);
      const upserts = new Map((body.upsertItems ?? []).map((i) => [i.id, i]));
      const items = state.view.items.filter((i) => !removed.has(i.id)).map((i) => upserts.get(i.id) ?? i);
      for (const i of upserts.values()) if (!items.some((existing) => existing.id === i.id)) items.push(i);
      state.view = returnView(
        { sections: body.sections ?? state.view.sections, facts: body.facts ?? state.view.facts, items },
        { version: state.view.version + 1, incomeYear: year, ...(options.ownerId ? {} : {}) },
      );
      return json(state.view);
    },
    [`GET /api/v1/returns/${year}/checklist`]: () => json([]),
    [`GET /api/v1/returns/${year}/comments`]: () => json([]),
  };
  return { state, routes };
}

export function summaryOf(view: TaxReturnView): ReturnSummary {
  return {
    id: view.id,
    incomeYear: view.incomeYear,
    revision: view.revision,
    status: view.status,
    version: view.version,
    taxableIncomeCents: view.taxableIncomeCents,
    totalTaxCents: view.totalTaxCents,
    refundCents: view.refundCents,
    complete: view.complete,
    updatedAt: view.updatedAt,
    lodgedAt: view.lodgedAt,
  };
}
