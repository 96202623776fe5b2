import type { AssessmentLine, Caveat, LineInputValue, MissingFact, ProvisionalUse } from '../assessment.types';
import type { Cents } from '../money';
import type { RuleKey } from '../rules/rules';
import type { RuleSet, SourceRef } from '../rules/rule.types';

/**
 * Collects what an assessment says besides its numbers: explanation lines (only when `explain`),
 * the provisional figures it used, missing facts and caveats. Numbers never depend on `explain`.
 */
export class AssessmentContext {
  readonly lines: AssessmentLine[] = [];
  readonly missing: MissingFact[] = [];
  readonly caveats: Caveat[] = [];
  private readonly provisionalUsed = new Map<RuleKey, string>();

  constructor(
    readonly rules: RuleSet,
    readonly explain: boolean,
  ) {}

  /** Records that a rule shaped the result (so a provisional figure is reported). */
  use(key: RuleKey): void {
    const entry = this.rules[key] as { provisional?: string };
    if (entry.provisional && !this.provisionalUsed.has(key)) this.provisionalUsed.set(key, entry.provisional);
  }

  /** The source of a rule value (for a line). */
  source(key: RuleKey): SourceRef {
    return (this.rules[key] as { source: SourceRef }).source;
  }

  line(
    id: string,
    label: string,
    amount: Cents,
    rule: string,
    inputs: Record<string, LineInputValue>,
    explanation: string,
    source: SourceRef,
  ): void {
    this.lines.push({ id, label, amount, rule, inputs, explanation, source });
  }

  ask(id: string, question: string, reason: string): void {
    if (!this.missing.some((m) => m.id === id)) this.missing.push({ id, question, reason });
  }

  caveat(id: string, message: string): void {
    if (!this.caveats.some((c) => c.id === id)) this.caveats.push({ id, message });
  }

  provisional(): ProvisionalUse[] {
    return [...this.provisionalUsed].map(([id, reason]) => ({ id, reason }));
  }
}
