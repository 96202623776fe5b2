import { DEDUCTION_LABEL_NAMES, type ReturnItem, type TaxReturnView } from '@numeri/contracts';

export interface RecordsExpectation {
  expected: string;
  source: { title: string; url: string };
}

const RECORDS_YOU_NEED = {
  title: 'ATO: Records you need to keep',
  url: 'https://www.ato.gov.au/individuals-and-families/income-deductions-offsets-and-records/records-you-need-to-keep',
};
const WORK_EXPENSE_RECORDS = {
  title: 'ATO: Records for work-related expenses (written evidence over $300)',
  url: 'https://www.ato.gov.au/individuals-and-families/income-deductions-offsets-and-records/records-you-need-to-keep/records-for-work-related-expenses',
};

/**
 * What the ATO expects you to keep for each kind of claim, in plain words, with the ATO page.
 * Used for the records checklist beside every deduction.
 */
export function recordsExpectedFor(item: ReturnItem): RecordsExpectation | null {
  switch (item.kind) {
    case 'deduction':
      if (item.label === 'D9') {
        return {
          expected:
            'A receipt from the organisation showing it is a deductible gift recipient (DGR), the amount and the date. Gifts of $2 or more only.',
          source: {
            title: 'ATO: Gifts and donations',
            url: 'https://www.ato.gov.au/individuals-and-families/income-deductions-offsets-and-records/deductions-you-can-claim/gifts-and-donations',
          },
        };
      }
      if (item.label === 'D12') {
        return {
          expected:
            'Your super fund’s acknowledgement of your notice of intent to claim a deduction, received before you lodge.',
          source: {
            title: 'ATO: Personal super contributions',
            url: 'https://www.ato.gov.au/individuals-and-families/super-for-individuals-and-families/super/growing-and-keeping-track-of-your-super/how-to-save-more-in-your-super/personal-super-contributions',
          },
        };
      }
      return {
        expected: `A receipt, invoice or similar document for this ${DEDUCTION_LABEL_NAMES[item.label].toLowerCase()} claim showing the supplier, what you bought, the date and the amount. Keep it 5 years.`,
        source: ['D2', 'D3', 'D5'].includes(item.label) ? WORK_EXPENSE_RECORDS : RECORDS_YOU_NEED,
      };
    case 'car':
      return item.logbook
        ? {
            expected:
              'A logbook kept for 12 continuous weeks, odometer readings for the year, and receipts for fuel and every other car expense.',
            source: {
              title: 'ATO: Logbook method',
              url: 'https://www.ato.gov.au/individuals-and-families/income-deductions-offsets-and-records/deductions-you-can-claim/transport-and-travel-expenses/motor-vehicle-and-car-expenses/using-the-logbook-method',
            },
          }
        : {
            expected:
              'A record showing how you worked out your work kilometres, such as a diary of work trips. No receipts are needed for the cents per kilometre method.',
            source: {
              title: 'ATO: Cents per kilometre method',
              url: 'https://www.ato.gov.au/individuals-and-families/income-deductions-offsets-and-records/deductions-you-can-claim/transport-and-travel-expenses/motor-vehicle-and-car-expenses/using-the-cents-per-kilometre-method',
            },
          };
    case 'working-from-home':
      return {
        expected:
          'A record of the actual hours you worked from home for the whole year (timesheets, rosters or a diary), and one bill for each running expense you paid (electricity, gas, phone, internet).',
        source: {
          title: 'ATO: Working from home expenses (PCG 2023/1)',
          url: 'https://www.ato.gov.au/individuals-and-families/income-deductions-offsets-and-records/deductions-you-can-claim/working-from-home-expenses',
        },
      };
    case 'self-education':
      return {
        expected:
          'Receipts for course fees, textbooks and other costs, and evidence the course relates to your current work.',
        source: {
          title: 'ATO: Self-education expenses',
          url: 'https://www.ato.gov.au/individuals-and-families/income-deductions-offsets-and-records/deductions-you-can-claim/education-training-and-seminars/self-education-expenses',
        },
      };
    case 'rental-property':
      return {
        expected:
          'Rental statements from your agent, loan statements for interest, and receipts for each expense; a depreciation schedule for capital works.',
        source: {
          title: 'ATO: Rental properties — records',
          url: 'https://www.ato.gov.au/individuals-and-families/investments-and-assets/residential-rental-properties/rental-records',
        },
      };
    default:
      return null;
  }
}

/** The records checklist's verdict on one claim, in the words the PDF and the records pack use. */
export function recordStatusText(
  record: TaxReturnView['records'][number],
  item: ReturnItem | undefined,
): string {
  // Counted in documents: one receipt is evidence for several fields of its item.
  const documents = new Set(item?.evidence.map((e) => e.documentId)).size;
  if (record.attached) return `Attached (${documents} ${documents === 1 ? 'document' : 'documents'})`;
  return item?.evidence.length ? 'Bank statement only' : 'Not attached';
}
