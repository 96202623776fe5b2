/**
 * Throughput of `assess` for a typical return (salary, interest, dividends, three deductions,
 * Medicare levy, HELP) on one core, with and without explanation lines. Not a test: it prints
 * figures. Run directly: `node --import tsx packages/tax-engine/bench/assess.bench.ts`.
 *
 * Each mode runs for about two seconds after a warm-up. The headline figures divide the number of
 * assessments by the CPU time this process used (user + system), so a busy machine does not halve
 * them; the wall-clock figures are reported too.
 */
import { assess } from '../src/assess';
import type { TaxReturnInput } from '../src/input.types';

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
}

interface Host {
  performance?: { now(): number };
  process?: { argv?: string[]; cpuUsage?: () => { user: number; system: number } };
  console?: { log(...args: unknown[]): void };
}
const host = globalThis as Host;

const wallMs: () => number = host.performance
  ? () => (host.performance as { now(): number }).now()
  : () => Date.now();

/** CPU time of this process in ms, or null where it cannot be measured. */
function cpuMs(): number | null {
  const usage = host.process?.cpuUsage?.();
  return usage ? (usage.user + usage.system) / 1000 : null;
}

/** A typical return: salary, interest, dividends, three deductions, Medicare, HELP. */
export const TYPICAL_RETURN: TaxReturnInput = {
  incomeYear: '2024-25',
  residency: { kind: 'resident' },
  income: {
    salaryWages: 8_500_000,
    grossInterest: 45_678,
    dividends: { unfranked: 12_000, franked: 140_000, frankingCredits: 60_000 },
  },
  deductions: {
    workingFromHome: { hours: 640, energy: 35_000, phoneAndInternet: 42_000 },
    clothing: 18_500,
    costOfManagingTaxAffairs: 27_500,
  },
  credits: { paygWithholding: 1_850_000 },
  spouse: null,
  dependants: { dependentChildren: 0 },
  privateHealth: { hospitalCover: 'full-year', statements: [] },
  studyLoan: { hasDebt: true, balance: 2_400_000 },
};

interface Measurement {
  perCpuSecond: number | null;
  perWallSecond: number;
}

function measure(explain: boolean, budgetMs: number): Measurement {
  // Warm up so the JIT has compiled the hot paths.
  for (let i = 0; i < 5_000; i++) assess(TYPICAL_RETURN, { explain });
  let count = 0;
  let sink = 0;
  const cpuStart = cpuMs();
  const start = wallMs();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (let i = 0; i < 1_000; i++) {
      const r = assess(TYPICAL_RETURN, { explain });
      if (r.ok) sink += r.assessment.lines.length;
    }
    count += 1_000;
    elapsed = wallMs() - start;
  }
  const cpuEnd = cpuMs();
  if (sink < 0) host.console?.log(sink); // keeps the results observable
  const cpu = cpuStart !== null && cpuEnd !== null ? cpuEnd - cpuStart : null;
  return {
    perCpuSecond: cpu && cpu > 0 ? (count / cpu) * 1_000 : null,
    perWallSecond: (count / elapsed) * 1_000,
  };
}

/** Measures assessments per second, about 2 seconds each with and without lines. */
export async function runEngineBench(budgetMs = 2_000): Promise<BenchFigure[]> {
  const withLines = measure(true, budgetMs);
  const withoutLines = measure(false, budgetMs);
  const figures: BenchFigure[] = [];
  const add = (name: string, m: Measurement) => {
    figures.push({
      name: `${name}`,
      value: Math.round(m.perCpuSecond ?? m.perWallSecond),
      unit: m.perCpuSecond === null ? 'assessments/s' : 'assessments/CPU-s',
    });
    figures.push({ name: `${name} (wall clock)`, value: Math.round(m.perWallSecond), unit: 'assessments/s' });
  };
  add('tax-engine assess, typical return, with explanation lines', withLines);
  add('tax-engine assess, typical return, without lines (explain: false)', withoutLines);
  return figures;
}

const argv = host.process?.argv ?? [];
if (argv[1] !== undefined && /assess\.bench\.[cm]?[jt]s$/.test(argv[1])) {
  void runEngineBench().then((figures) => {
    for (const f of figures) host.console?.log(`${f.name}: ${f.value.toLocaleString('en-AU')} ${f.unit}`);
  });
}
