import type { ReturnItem } from '@numeri/contracts';
import { useEffect } from 'react';
import { Navigate, useLocation, useParams } from 'react-router';
import { useDocumentTitle } from '../../components';
import { formatIncomeYear } from '../../lib/format';
import { CarComparison, CarEditor } from './items/Car';
import { ItemsSection } from './items/ItemsSection';
import { WfhComparison, WfhEditor } from './items/WorkFromHome';
import { isStepId, STEP_BY_ID, type StepDefinition } from './sections';
import { StepFooter, StepHeading } from './StepLayout';
import {
  AboutYouStep,
  FamilyStep,
  HospitalCoverQuestion,
  PriorCapitalLossesQuestion,
  SeniorsStep,
  StudyLoanStep,
} from './steps/FactSteps';
import { useWorkspace } from './workspace-context';

function StepItems({ step }: { step: StepDefinition }) {
  const workspace = useWorkspace();
  const needed = workspace.missingById.get(`section.${step.id}`);
  const kind = step.kinds[0];
  if (!kind) return null;
  if (kind === 'working-from-home') {
    return (
      <ItemsSection
        kind={kind}
        single
        neededReason={needed ? `${needed.question}: ${needed.reason}` : null}
        renderEditor={(props) => <WfhEditor {...props} />}
        renderCardExtra={(item) => (
          <div className="mt-4">
            <WfhComparison
              year={workspace.year}
              item={item as Extract<ReturnItem, { kind: 'working-from-home' }>}
            />
          </div>
        )}
      />
    );
  }
  if (kind === 'car') {
    return (
      <ItemsSection
        kind={kind}
        neededReason={needed ? `${needed.question}: ${needed.reason}` : null}
        renderEditor={(props) => <CarEditor {...props} />}
        renderCardExtra={(item) => (
          <div className="mt-4">
            <CarComparison year={workspace.year} item={item as Extract<ReturnItem, { kind: 'car' }>} />
          </div>
        )}
      />
    );
  }
  return (
    <ItemsSection
      kind={kind}
      labels={step.labels}
      neededReason={needed ? `${needed.question}: ${needed.reason}` : null}
      emptyText="Nothing added yet."
    />
  );
}

/** /returns/:year/:step — one step of the interview. */
export function StepPage() {
  const { step: stepParam, year = '' } = useParams();
  const { hash } = useLocation();
  const step = isStepId(stepParam) ? STEP_BY_ID.get(stepParam) : undefined;
  useDocumentTitle(step ? `${step.title} · ${formatIncomeYear(year)} return` : 'Your return');
  // Links like "fix this" land on the question itself.
  useEffect(() => {
    if (!hash) return;
    const timer = setTimeout(() => {
      const target = document.getElementById(decodeURIComponent(hash.slice(1)));
      target?.scrollIntoView({ block: 'start' });
      target?.querySelector<HTMLElement>('input, select, button')?.focus({ preventScroll: true });
    }, 50);
    return () => clearTimeout(timer);
  }, [hash, stepParam]);
  if (!step) return <Navigate to={`/returns/${year}`} replace />;

  let body;
  switch (step.id) {
    case 'about-you':
      body = <AboutYouStep />;
      break;
    case 'spouse-and-dependants':
      body = <FamilyStep />;
      break;
    case 'study-loan':
      body = <StudyLoanStep />;
      break;
    case 'seniors':
      body = <SeniorsStep />;
      break;
    case 'private-health':
      body = (
        <div className="flex flex-col gap-5">
          <HospitalCoverQuestion />
          <section aria-labelledby="phi-statement" className="flex flex-col gap-3">
            <div>
              <h3 id="phi-statement" className="text-base font-semibold text-slate-900">
                Your private health insurance statement
              </h3>
              <p className="mt-1 text-sm text-slate-600">
                Add one line for each row of the table on your insurer’s statement. Don’t add rows together.
              </p>
            </div>
            <StepItems step={step} />
          </section>
        </div>
      );
      break;
    case 'capital-gains':
      body = (
        <div className="flex flex-col gap-5">
          <StepItems step={step} />
          <PriorCapitalLossesQuestion />
        </div>
      );
      break;
    default:
      body = <StepItems step={step} />;
  }

  return (
    <div className="flex flex-col gap-6">
      {/* Fact steps cite their source on the question itself. */}
      <StepHeading
        title={step.title}
        intro={step.intro}
        source={step.kinds.length > 0 ? step.source : undefined}
      />
      {body}
      <StepFooter current={step.id} />
    </div>
  );
}
