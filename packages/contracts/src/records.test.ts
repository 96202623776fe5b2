import { describe, expect, it } from 'vitest';
import { recordStatus, writtenEvidenceTotalCents } from './records';
import { returnItemSchema, type ReturnItem } from './return-items.contract';

let next = 0;
const id = () => `00000000-0000-4000-8000-${String((next += 1)).padStart(12, '0')}`;
const STATEMENT = { documentId: id(), region: null, bankTransaction: true };
const RECEIPT = { documentId: id(), region: null, label: 'Receipt: headset.pdf' };

const deduction = (label: string, amountCents: number, evidence: object[], workUseBasisPoints = 10_000) =>
  returnItemSchema.parse({
    id: id(),
    kind: 'deduction',
    source: 'transaction',
    label,
    description: 'From the bank',
    amountCents,
    workUseBasisPoints,
    evidence,
  }) as ReturnItem;

describe('records for a claim (ATO: written evidence over $300 of work expenses)', () => {
  it('a receipt is a record whatever the total; nothing attached is not', () => {
    const big = deduction('D5', 90_000, [STATEMENT, RECEIPT]);
    expect(recordStatus(big, [big])).toEqual({ attached: true, note: null });
    const bare = deduction('D5', 5_000, []);
    expect(recordStatus(bare, [bare])).toEqual({ attached: false, note: null });
  });

  it('a bank statement alone does while D2, D3 and D5 claims come to $300 or less (work share counted)', () => {
    // $250 + 60% of $80 = $298: under the limit. D1 and D9 do not count toward it.
    const tools = deduction('D5', 25_000, [STATEMENT]);
    const phone = deduction('D5', 8_000, [STATEMENT], 6_000);
    const gift = deduction('D9', 50_000, [RECEIPT]);
    const items = [tools, phone, gift];
    expect(writtenEvidenceTotalCents(items)).toBe(29_800);
    expect(recordStatus(tools, items)).toMatchObject({
      attached: true,
      note: expect.stringMatching(/\$300 or less/),
    });

    // $300.00 exactly is still "300 or less"; one cent more is not.
    const exactly = deduction('D3', 200, [STATEMENT]);
    expect(recordStatus(tools, [...items, exactly]).attached).toBe(true);
    const over = deduction('D2', 201, [STATEMENT]);
    expect(recordStatus(tools, [...items, over])).toMatchObject({
      attached: false,
      note: expect.stringMatching(/more than \$300/),
    });
  });

  it('outside the work-expense limit (a gift, a tax agent’s fee), a bank statement alone never does', () => {
    for (const label of ['D9', 'D10']) {
      const item = deduction(label, 2_500, [STATEMENT]);
      expect(recordStatus(item, [item])).toMatchObject({
        attached: false,
        note: expect.stringMatching(/receipt/),
      });
    }
  });
});
