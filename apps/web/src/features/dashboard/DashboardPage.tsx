import { Link } from 'react-router';
import {
  Alert,
  ArrowRightIcon,
  buttonClasses,
  CalculatorIcon,
  Card,
  Page,
  ShieldIcon,
} from '../../components';
import { twoFactorSetupPath, useAuth } from '../../lib/auth';
import { cn } from '../../lib/cn';

const PLANS = [
  {
    title: 'Your refund, live',
    body: 'An estimate that updates as you add income and deductions, correct to the cent.',
  },
  {
    title: 'What’s still missing',
    body: 'A short list of what we still need to make your estimate exact — and why it matters.',
  },
  {
    title: 'Documents to confirm',
    body: 'Figures read from your uploads, waiting for a quick check before they go on your return.',
  },
] as const;

export function DashboardPage() {
  const { user } = useAuth();
  return (
    <Page
      title="Dashboard"
      heading="Your tax return, explained line by line"
      eyebrow={user ? `Welcome, ${user.givenName}` : 'Dashboard'}
      description="Numeri helps you prepare your Australian individual tax return. Every figure shows the rule behind it and a link to the ATO source."
    >
      {user && !user.twoFactorEnabled ? (
        <Alert
          tone="info"
          icon={<ShieldIcon />}
          className="mb-6"
          title="Protect your account with two-factor authentication"
          actions={
            <Link
              to={twoFactorSetupPath('/')}
              className={buttonClasses({ variant: 'secondary', size: 'sm' })}
            >
              Set it up
            </Link>
          }
        >
          You’ll need it to add your tax file number and to lodge.
        </Alert>
      ) : null}
      <Card
        tone="accent"
        padding="lg"
        className="flex flex-col gap-6 sm:flex-row sm:items-center sm:justify-between"
      >
        <div className="flex items-start gap-4">
          <span className="flex size-11 shrink-0 items-center justify-center rounded-xl bg-white text-teal-700 shadow-xs ring-1 ring-teal-200">
            <CalculatorIcon className="size-6" />
          </span>
          <div>
            <h2 className="text-lg font-semibold text-slate-900">Estimate your tax for 2025–26</h2>
            <p className="mt-1 max-w-xl text-sm leading-6 text-slate-700">
              Enter your pay, tax withheld and a few details. See your refund or what you’ll owe, and how each
              dollar is worked out. No account needed.
            </p>
          </div>
        </div>
        <Link to="/calculator" className={cn(buttonClasses({ size: 'lg' }), 'shrink-0')}>
          Open the calculator
          <ArrowRightIcon className="size-4" />
        </Link>
      </Card>

      <section aria-labelledby="dashboard-plans" className="mt-12">
        <h2 id="dashboard-plans" className="text-base font-semibold text-slate-900">
          What this page will show next
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Your account is ready. Until returns open here, the calculator gives you an estimate.
        </p>
        <ul className="mt-5 grid gap-4 sm:grid-cols-3">
          {PLANS.map((plan) => (
            <li key={plan.title}>
              <Card padding="md" className="h-full">
                <h3 className="text-sm font-semibold text-slate-900">{plan.title}</h3>
                <p className="mt-1.5 text-sm leading-6 text-slate-600">{plan.body}</p>
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
