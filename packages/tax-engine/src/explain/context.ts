import type {
  AssessmentLine,
  Caveat,
  LineInputValue,
  MissingFact,
  ProvisionalUse,
} from '../assessment.types';
import type { Cents } from '../money';
import { hasProvisionalFigures, type RuleKey } from '../rules/rules';
import type { RuleSet, SourceRef } from '../rules/rule.types';

/**
 * Collects what an assessment says besides its numbers: explanation lines (only when `explain`),
 * the provisional figures it used, missing facts and caveats. Numbers never depend on `explain`.
 */
export class AssessmentContext {
  readonly lines: AssessmentLine[] = [];
  readonly missing: MissingFact[] = [];
  readonly caveats: Caveat[] = [];
  private readonly provisionalUsed: ProvisionalUse[] = [];

  private readonly hasProvisional: boolean;

  constructor(
    readonly rules: RuleSet,
    readonly explain: boolean,
  ) {
    this.hasProvisional = hasProvisionalFigures(rules);
  }

  /** Records that a rule shaped the result (so a provisional figure is reported). */
  use(key: RuleKey): void {
    if (!this.hasProvisional) return;
    const entry = this.rules[key] as { provisional?: string };
    if (!entry.provisional) return;
    for (const p of this.provisionalUsed) if (p.id === key) return;
    this.provisionalUsed.push({ id: key, reason: entry.provisional });
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
    for (const m of this.missing) if (m.id === id) return;
    this.missing.push({ id, question, reason });
  }

  caveat(id: string, message: string): void {
    for (const c of this.caveats) if (c.id === id) return;
    this.caveats.push({ id, message });
  }

  provisional(): ProvisionalUse[] {
    return this.provisionalUsed;
  }
}
