import type { ReturnFacts } from '@numeri/contracts';
import { daysInIncomeYear, isIncomeYear } from '@numeri/tax-engine';
import { useState } from 'react';
import { Checkbox, TextField } from '../../../components';
import { formatIncomeYear, incomeYearRange } from '../../../lib/format';
import { SOURCES } from '../sources';
import { CentsField, ChoiceGroup, IntegerField, Question, YesNo } from '../ui/controls';
import { neededFor, useWorkspace } from '../workspace-context';

/** Updates one or more facts (the saver sends them all, as the API expects). */
export function useFacts() {
  const { snapshot, saver, readOnly } = useWorkspace();
  const facts = snapshot.draft.facts;
  const update = (change: Partial<ReturnFacts> | ((facts: ReturnFacts) => ReturnFacts)) => {
    const current = saver.getSnapshot().draft.facts;
    const next = typeof change === 'function' ? change(current) : { ...current, ...change };
    // Drop keys set to undefined so "not answered" stays not answered.
    const clean = Object.fromEntries(
      Object.entries(next).filter(([, value]) => value !== undefined),
    ) as ReturnFacts;
    saver.setFacts(clean);
  };
  return { facts, update, readOnly };
}

type ResidencyKind = NonNullable<ReturnFacts['residency']>['kind'];

function yearBounds(year: string) {
  const start = Number(year.slice(0, 4));
  return { min: `${start}-07-01`, max: `${start + 1}-06-30` };
}

export function AboutYouStep() {
  const workspace = useWorkspace();
  const { facts, update, readOnly } = useFacts();
  const { year } = workspace;
  const residency = facts.residency;
  const bounds = yearBounds(year);
  const investmentLossNeeded = neededFor(workspace, 'incomeTests.netFinancialInvestmentLoss');
  const hasLessCommon =
    facts.paygInstalmentsCents !== undefined ||
    facts.priorYearTaxLossesCents !== undefined ||
    facts.medicareFullExemptionDays !== undefined ||
    facts.netFinancialInvestmentLossCents !== undefined ||
    investmentLossNeeded !== null;
  const [openMore, setOpenMore] = useState(hasLessCommon);
  return (
    <div className="flex flex-col gap-5">
      <Question
        id="q-residency"
        title={`Were you an Australian resident for tax purposes in ${formatIncomeYear(year)}?`}
        hint={`${incomeYearRange(year)}. Usually yes if you live in Australia, or came here to live and stayed more than six months.`}
        needed={neededFor(workspace, 'residency')}
        source={SOURCES.residency}
      >
        <ChoiceGroup<ResidencyKind>
          legend="Residency for tax purposes"
          legendHidden
          name="residency"
          disabled={readOnly}
          value={residency?.kind}
          onChange={(kind) => {
            if (kind === residency?.kind) return;
            update({ residency: { kind } as NonNullable<ReturnFacts['residency']> });
          }}
          choices={[
            {
              value: 'resident',
              label: 'Yes, all year',
              hint: 'You lived in Australia for the whole income year.',
            },
            {
              value: 'part-year-resident',
              label: 'For part of the year',
              hint: 'You moved to Australia, or left to live overseas, during the year.',
            },
            {
              value: 'foreign-resident',
              label: 'No, I was a foreign resident',
              hint: 'You lived overseas and only earned some income here.',
            },
            {
              value: 'working-holiday-maker',
              label: 'I was on a working holiday visa',
              hint: 'Subclass 417 or 462.',
            },
          ]}
        />
        {residency?.kind === 'part-year-resident' ? (
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            <TextField
              type="date"
              label="Became a resident on"
              hint="If you arrived during the year."
              optional
              min={bounds.min}
              max={bounds.max}
              disabled={readOnly}
              value={residency.residentFrom ?? ''}
              onChange={(event) =>
                update({
                  residency: { ...residency, residentFrom: event.target.value || undefined },
                })
              }
            />
            <TextField
              type="date"
              label="Stopped being a resident on"
              hint="If you left during the year."
              optional
              min={bounds.min}
              max={bounds.max}
              disabled={readOnly}
              value={residency.residentUntil ?? ''}
              onChange={(event) =>
                update({
                  residency: { ...residency, residentUntil: event.target.value || undefined },
                })
              }
            />
          </div>
        ) : null}
        {residency?.kind === 'working-holiday-maker' ? (
          <div className="mt-4">
            <CentsField
              label="Income earned on your working holiday visa"
              hint="After related deductions. Taxed at 15% up to $45,000."
              disabled={readOnly}
              cents={residency.workingHolidayNetIncomeCents}
              onCents={(cents) =>
                update({ residency: { kind: 'working-holiday-maker', workingHolidayNetIncomeCents: cents } })
              }
            />
          </div>
        ) : null}
      </Question>

      <details
        open={openMore}
        onToggle={(event) => setOpenMore((event.target as HTMLDetailsElement).open)}
        className="group rounded-2xl bg-white shadow-xs ring-1 ring-slate-200"
      >
        <summary className="flex cursor-pointer list-none items-center justify-between gap-3 rounded-2xl px-5 py-4 text-base font-semibold text-slate-900 sm:px-6 [&::-webkit-details-marker]:hidden">
          Less common
          <span className="text-sm font-normal text-slate-600">
            {investmentLossNeeded ? 'One answer needed' : 'Instalments, past losses, Medicare exemption'}
          </span>
        </summary>
        <div className="flex flex-col gap-5 border-t border-slate-100 px-5 py-5 sm:px-6">
          <div
            id="q-investment-loss"
            className={
              investmentLossNeeded ? 'scroll-mt-24 rounded-xl p-3 ring-2 ring-amber-300' : 'scroll-mt-24'
            }
          >
            <CentsField
              label="Net loss from shares or managed funds"
              hint={
                investmentLossNeeded
                  ? `Needed: ${investmentLossNeeded.reason} Enter 0 if your investment income was more than its costs.`
                  : 'Only if your investment deductions were more than the income they earned.'
              }
              disabled={readOnly}
              cents={facts.netFinancialInvestmentLossCents}
              onCents={(cents) => update({ netFinancialInvestmentLossCents: cents })}
            />
          </div>
          <CentsField
            label="PAYG instalments you paid"
            hint="Quarterly instalments from your activity statements or ATO notices."
            optional
            disabled={readOnly}
            cents={facts.paygInstalmentsCents}
            onCents={(cents) => update({ paygInstalmentsCents: cents })}
          />
          <CentsField
            label="Tax losses from earlier years"
            hint="From last year’s notice of assessment, if you had a loss to carry forward."
            optional
            disabled={readOnly}
            cents={facts.priorYearTaxLossesCents}
            onCents={(cents) => update({ priorYearTaxLossesCents: cents })}
          />
          <IntegerField
            label="Days you were exempt from the Medicare levy"
            hint="For example if you weren’t entitled to Medicare. Most people leave this empty."
            optional
            max={isIncomeYear(year) ? daysInIncomeYear(year) : 366}
            disabled={readOnly}
            value={facts.medicareFullExemptionDays}
            onValue={(days) => update({ medicareFullExemptionDays: days })}
          />
        </div>
      </details>
    </div>
  );
}

type Cover = 'full-year' | 'part-year' | 'none';

export function HospitalCoverQuestion() {
  const workspace = useWorkspace();
  const { facts, update, readOnly } = useFacts();
  const { year } = workspace;
  const days = isIncomeYear(year) ? daysInIncomeYear(year) : 365;
  const cover = facts.hospitalCover;
  const kind: Cover | undefined =
    cover === undefined ? undefined : typeof cover === 'string' ? cover : 'part-year';
  return (
    <Question
      id="q-hospital-cover"
      title="Did you have private hospital cover?"
      hint="Hospital cover, not just extras. Without it, people on higher incomes pay the Medicare levy surcharge."
      needed={neededFor(workspace, 'privateHealth.hospitalCover')}
      source={SOURCES.medicareSurcharge}
    >
      <ChoiceGroup<Cover>
        legend="Private hospital cover"
        legendHidden
        name="hospital-cover"
        disabled={readOnly}
        value={kind}
        columns={3}
        onChange={(next) =>
          update({
            hospitalCover:
              next === 'part-year'
                ? { days: typeof cover === 'object' ? cover.days : Math.round(days / 2) }
                : next,
          })
        }
        choices={[
          { value: 'full-year', label: 'All year' },
          { value: 'part-year', label: 'Part of the year' },
          { value: 'none', label: 'No' },
        ]}
      />
      {typeof cover === 'object' ? (
        <div className="mt-4 max-w-xs">
          <IntegerField
            label="Days with hospital cover"
            hint={`Out of ${days} days in the year.`}
            max={days}
            disabled={readOnly}
            value={cover.days}
            onValue={(value) => update({ hospitalCover: { days: value ?? 0 } })}
          />
        </div>
      ) : null}
    </Question>
  );
}

export function FamilyStep() {
  const workspace = useWorkspace();
  const { facts, update, readOnly } = useFacts();
  const spouse = facts.spouse;
  const children = facts.dependentChildren;
  return (
    <div className="flex flex-col gap-5">
      <Question
        id="q-spouse"
        title="Did you have a spouse at any time during the year?"
        hint="Married or de facto, including same-sex partners."
        needed={neededFor(workspace, 'spouse')}
        source={SOURCES.medicareReduction}
      >
        <YesNo
          legend="Did you have a spouse?"
          disabled={readOnly}
          value={spouse === undefined ? undefined : spouse !== null}
          onChange={(yes) =>
            update({ spouse: yes ? (spouse ?? { taxableIncomeCents: 0, otherIncomeTestCents: 0 }) : null })
          }
        />
        {spouse ? (
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            <CentsField
              label="Your spouse’s taxable income"
              hint="From their notice of assessment or tax return. An estimate is fine if theirs isn’t done."
              required
              disabled={readOnly}
              cents={spouse.taxableIncomeCents}
              onCents={(cents) => update({ spouse: { ...spouse, taxableIncomeCents: cents ?? 0 } })}
            />
            <CentsField
              label="Their other income for income tests"
              hint="Reportable fringe benefits, salary sacrificed to super, net investment losses."
              optional
              disabled={readOnly}
              cents={spouse.otherIncomeTestCents || undefined}
              onCents={(cents) => update({ spouse: { ...spouse, otherIncomeTestCents: cents ?? 0 } })}
            />
          </div>
        ) : null}
      </Question>
      <Question
        id="q-dependants"
        title="How many dependent children did you have?"
        hint="Children under 21, or full-time students under 25, you supported. Enter 0 if none."
        needed={neededFor(workspace, 'dependants')}
        source={SOURCES.medicareReduction}
      >
        <div className="max-w-xs">
          <IntegerField
            label="Dependent children"
            max={30}
            disabled={readOnly}
            value={children}
            onValue={(value) =>
              update((current) => ({
                ...current,
                dependentChildren: value,
                ...(value ? {} : { soleParent: undefined }),
              }))
            }
          />
        </div>
        {children && spouse === null ? (
          <Checkbox
            className="mt-4"
            label="I was a sole parent"
            hint="You looked after the children on your own."
            disabled={readOnly}
            checked={facts.soleParent === true}
            onChange={(event) => update({ soleParent: event.target.checked })}
          />
        ) : null}
      </Question>
    </div>
  );
}

export function StudyLoanStep() {
  const workspace = useWorkspace();
  const { facts, update, readOnly } = useFacts();
  return (
    <Question
      id="q-study-loan"
      title="Do you have a HELP or other study loan?"
      hint="HECS-HELP, FEE-HELP, VET Student Loan, SFSS, or a trade support or apprentice loan."
      needed={neededFor(workspace, 'studyLoan')}
      source={SOURCES.studyLoans}
    >
      <YesNo
        legend="Do you have a study loan?"
        disabled={readOnly}
        value={facts.hasStudyLoan}
        onChange={(yes) =>
          update((current) => ({
            ...current,
            hasStudyLoan: yes,
            ...(yes ? {} : { studyLoanBalanceCents: undefined }),
          }))
        }
      />
      {facts.hasStudyLoan ? (
        <div
          id="q-study-loan-balance"
          className={
            neededFor(workspace, 'studyLoan.balance') ? 'mt-4 rounded-xl p-3 ring-2 ring-amber-300' : 'mt-4'
          }
        >
          <CentsField
            label="What you owed on 1 June"
            hint="In myGov (ATO, then Loans). The compulsory repayment can’t be more than this."
            optional={!neededFor(workspace, 'studyLoan.balance')}
            disabled={readOnly}
            cents={facts.studyLoanBalanceCents}
            onCents={(cents) => update({ studyLoanBalanceCents: cents })}
          />
        </div>
      ) : null}
    </Question>
  );
}

type SaptoChoice = 'none' | 'single' | 'couple' | 'illness-separated-couple';

export function SeniorsStep() {
  const workspace = useWorkspace();
  const { facts, update, readOnly } = useFacts();
  const value: SaptoChoice | undefined =
    facts.sapto === undefined ? undefined : facts.sapto === null ? 'none' : facts.sapto.category;
  return (
    <Question
      id="q-sapto"
      title="Were you eligible for the seniors and pensioners tax offset?"
      hint="Usually if you were of Age Pension age (67 or older) and met the residence rules, or you received a government pension such as the Carer Payment."
      needed={neededFor(workspace, 'sapto')}
      source={SOURCES.instructions}
    >
      <ChoiceGroup<SaptoChoice>
        legend="Seniors and pensioners tax offset"
        legendHidden
        name="sapto"
        disabled={readOnly}
        value={value}
        onChange={(choice) => update({ sapto: choice === 'none' ? null : { category: choice } })}
        choices={[
          { value: 'none', label: 'No, or not sure' },
          { value: 'single', label: 'Yes, and I was single' },
          { value: 'couple', label: 'Yes, and I lived with my spouse' },
          {
            value: 'illness-separated-couple',
            label: 'Yes, and we lived apart because of illness',
            hint: 'Or one of you was in a nursing home.',
          },
        ]}
      />
    </Question>
  );
}

export function PriorCapitalLossesQuestion() {
  const { facts, update, readOnly } = useFacts();
  return (
    <Question
      id="q-capital-losses"
      title="Capital losses from earlier years"
      hint="A net capital loss carried forward from last year’s return. It reduces this year’s gains before the discount."
    >
      <div className="max-w-xs">
        <CentsField
          label="Net capital losses carried forward"
          optional
          disabled={readOnly}
          cents={facts.priorYearCapitalLossesCents}
          onCents={(cents) => update({ priorYearCapitalLossesCents: cents })}
        />
      </div>
    </Question>
  );
}
