import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { cn } from '../lib/cn';
import { buttonClasses } from './Button';
import { Card } from './Card';
import { ArrowRightIcon } from './Icons';
import { Page } from './Page';

export interface PlannedFeatureProps {
  title: string;
  /** One sentence: what the page is for. */
  summary: ReactNode;
  /** What the page will let people do, in their words. */
  plans: readonly string[];
  icon?: ReactNode;
}

/** The honest placeholder for a page that is not built yet: what it will do, and what works today. */
export function PlannedFeature({ title, summary, plans, icon }: PlannedFeatureProps) {
  return (
    <Page title={title} description={summary} width="narrow">
      <Card padding="lg">
        <div className="flex items-start gap-4">
          {icon ? (
            <span className="hidden size-10 shrink-0 items-center justify-center rounded-xl bg-slate-100 text-slate-700 sm:flex">
              {icon}
            </span>
          ) : null}
          <div className="min-w-0">
            <h2 className="text-base font-semibold text-slate-900">What you’ll be able to do here</h2>
            <ul className="mt-3 space-y-2 text-sm leading-6 text-slate-700">
              {plans.map((plan) => (
                <li key={plan} className="flex gap-2.5">
                  <span aria-hidden="true" className="mt-2.5 size-1.5 shrink-0 rounded-full bg-teal-600" />
                  <span>{plan}</span>
                </li>
              ))}
            </ul>
            <div className="mt-6 border-t border-slate-100 pt-6">
              <p className="text-sm leading-6 text-slate-600">
                This part of Numeri isn’t available yet. You can already work out your refund with the tax
                calculator — no account needed.
              </p>
              <Link to="/calculator" className={cn(buttonClasses({ variant: 'secondary' }), 'mt-4')}>
                Estimate your tax
                <ArrowRightIcon className="size-4" />
              </Link>
            </div>
          </div>
        </div>
      </Card>
    </Page>
  );
}
