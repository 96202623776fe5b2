import { describe, expect, it } from 'vitest';
import { documentLinks, lineLinks, linkText } from './evidence';
import { employer } from './test-fixtures';

const DOC = '12345678-1234-4234-8234-123456789012';
const region = { page: 1, x: 0.1, y: 0.2, w: 0.3, h: 0.02 };
const fromStatement = employer({
  source: 'document',
  evidence: [
    {
      documentId: DOC,
      fieldKey: 'payerName',
      label: 'Income statement — Acme Pty Ltd: Payer (employer)',
      region,
    },
    {
      documentId: DOC,
      fieldKey: 'grossPayments',
      label: 'Income statement — Acme Pty Ltd: Gross payments',
      region,
    },
    {
      documentId: DOC,
      fieldKey: 'taxWithheld',
      label: 'Income statement — Acme Pty Ltd: Tax withheld',
      region,
    },
  ],
});

describe('evidence links', () => {
  it('shows one link per document on a card, with how many figures came from it', () => {
    const links = documentLinks(fromStatement.evidence);
    expect(links).toEqual([
      { documentId: DOC, document: 'Income statement — Acme Pty Ltd', page: 1, figures: 3 },
    ]);
    expect(linkText(links[0]!)).toBe('Income statement — Acme Pty Ltd, page 1');
  });

  it('points a line of the assessment at the field behind it', () => {
    expect(lineLinks('income.salaryWages', fromStatement).map(linkText)).toEqual([
      'Income statement — Acme Pty Ltd (gross payments), page 1',
    ]);
    expect(lineLinks('credits.total', fromStatement).map(linkText)).toEqual([
      'Income statement — Acme Pty Ltd (tax withheld), page 1',
    ]);
    // No field for this line: the document as a whole.
    expect(lineLinks('levy.medicare', fromStatement).map(linkText)).toEqual([
      'Income statement — Acme Pty Ltd, page 1',
    ]);
  });
});
