// Deduction suggestion rules, as data. A rule proposes a category when a merchant name or a
// keyword appears in a debit's description or payee. Suggestions are only proposals: the user
// confirms or dismisses each one, and nothing is claimed automatically. Each rule says why it
// exists; confidence reflects how often a match is genuinely deductible for an employee.

export type DeductionCategory =
  | 'work-related-tools'
  | 'work-related-clothing'
  | 'self-education'
  | 'phone-internet'
  | 'home-office'
  | 'professional-subscriptions'
  | 'union-fees'
  | 'donation'
  | 'tax-agent-fees'
  | 'income-protection';

export interface DeductionRule {
  id: string;
  category: DeductionCategory;
  /** The deduction label on the return (D1–D15). */
  dLabel: string;
  /** Merchant names (matched as whole words in the normalised description or payee). */
  merchants?: readonly string[];
  /** Keywords (whole words or phrases). A merchant match outranks a keyword match. */
  keywords?: readonly string[];
  /** Words that veto the rule (e.g. an op-shop purchase from a charity is not a gift). */
  exclude?: readonly string[];
  /** Smallest debit the rule applies to, in cents. */
  minAmountCents?: number;
  /** 0..1 for a merchant match; keyword matches get 85% of it. */
  confidence: number;
  /** Why the rule exists (shown to developers; kept short). */
  why: string;
  /** What records the ATO expects for this kind of claim. */
  evidenceHint: string;
}

export const DEFAULT_DEDUCTION_RULES: readonly DeductionRule[] = [
  {
    id: 'union-fees',
    category: 'union-fees',
    dLabel: 'D5',
    merchants: [
      'CPSU',
      'AMWU',
      'ANMF',
      'NSWNMA',
      'QNMU',
      'AEU',
      'IEU',
      'NTEU',
      'CFMEU',
      'CFMMEU',
      'ETU',
      'MEAA',
      'HSU',
      'TWU',
      'AWU',
      'SDA',
      'RAFFWU',
      'FSU',
      'ASU',
      'UNITED WORKERS UNION',
      'NSW TEACHERS FEDERATION',
      'QUEENSLAND TEACHERS UNION',
      'POLICE ASSOCIATION',
      'NURSES AND MIDWIVES',
    ],
    keywords: ['UNION FEE', 'UNION FEES', 'UNION DUES', 'UNION MEMBERSHIP'],
    confidence: 0.9,
    why: 'Union fees are deductible in full for employees, and union names are distinctive.',
    evidenceHint:
      'Keep the union’s annual statement or receipts; your income statement may already show union fees.',
  },
  {
    id: 'tax-agent-fees',
    category: 'tax-agent-fees',
    dLabel: 'D10',
    merchants: [
      'H&R BLOCK',
      'H R BLOCK',
      'HR BLOCK',
      'ETAX',
      'ITP',
      'TAXPAYERS AUSTRALIA',
      'GOTAX',
      'TAXFYLE',
    ],
    keywords: [
      'TAX AGENT',
      'TAX RETURN',
      'TAX RETURN FEE',
      'TAX PREPARATION',
      'ACCOUNTANT FEE',
      'ACCOUNTING FEE',
    ],
    confidence: 0.85,
    why: 'Fees to a registered tax agent for last year’s return are claimed as the cost of managing tax affairs.',
    evidenceHint: 'Keep the tax agent’s invoice or receipt. Claim it in the year you paid it.',
  },
  {
    id: 'income-protection',
    category: 'income-protection',
    dLabel: 'D15',
    merchants: [
      'TAL LIFE',
      'AIA AUSTRALIA',
      'MLC LIFE',
      'ZURICH',
      'CLEARVIEW',
      'NEOS LIFE',
      'ONEPATH',
      'MET LIFE',
      'METLIFE',
      'TICKLE LIFE',
    ],
    keywords: ['INCOME PROTECTION', 'SALARY CONTINUANCE', 'INCOME PROTECT'],
    confidence: 0.55,
    why: 'Income protection premiums paid outside super are deductible; insurer names alone may be life or TPD cover, which is not.',
    evidenceHint:
      'Keep the insurer’s annual statement showing the income protection premium (life, TPD and trauma cover are not deductible; premiums paid through super are not claimed here).',
  },
  {
    id: 'donation-dgr',
    category: 'donation',
    dLabel: 'D9',
    merchants: [
      'RED CROSS',
      'AUSTRALIAN RED CROSS',
      'SALVATION ARMY',
      'SALVOS',
      'UNICEF',
      'OXFAM',
      'WORLD VISION',
      'MEDECINS SANS FRONTIERES',
      'DOCTORS WITHOUT BORDERS',
      'MSF',
      'CANCER COUNCIL',
      'BEYOND BLUE',
      'BEYONDBLUE',
      'LIFELINE',
      'THE SMITH FAMILY',
      'RSPCA',
      'FRED HOLLOWS',
      'ST VINCENT DE PAUL',
      'VINNIES',
      'GUIDE DOGS',
      'HEART FOUNDATION',
      'BLACK DOG INSTITUTE',
      'CARE AUSTRALIA',
      'PLAN INTERNATIONAL',
      'ACTIONAID',
      'WWF',
      'OZHARVEST',
      'FOODBANK',
      'MISSION AUSTRALIA',
      'ANGLICARE',
      'BARNARDOS',
      'ROYAL FLYING DOCTOR',
      'MCGRATH FOUNDATION',
      'AMNESTY INTERNATIONAL',
      'SAVE THE CHILDREN',
      'CHILDFUND',
    ],
    keywords: ['DONATION', 'DONATE', 'CHARITY', 'FOUNDATION GIFT', 'TAX DEDUCTIBLE GIFT'],
    // Shop purchases, raffles, lottery tickets, events and blood donation are not gifts.
    exclude: [
      'STORE',
      'STORES',
      'SHOP',
      'OP SHOP',
      'OPSHOP',
      'RAFFLE',
      'LOTTERY',
      'LIFEBLOOD',
      'TICKET',
      'TICKETS',
      'EVENT',
      'DINNER',
      'GALA',
      'MERCHANDISE',
      'CAFE',
    ],
    minAmountCents: 200,
    confidence: 0.75,
    why: 'Gifts of $2 or more to a deductible gift recipient (DGR) are deductible; these names suggest registered charities.',
    evidenceHint:
      'Gifts of $2 or more to a deductible gift recipient (DGR) are deductible. Keep the receipt, and check the charity is a DGR on ABN Lookup. Anything you received in return (a raffle ticket, a dinner) makes it not a gift.',
  },
  {
    id: 'tools-specialist',
    category: 'work-related-tools',
    dLabel: 'D5',
    merchants: [
      'TOTAL TOOLS',
      'SYDNEY TOOLS',
      'TOOLS WAREHOUSE',
      'TOOLSTORE',
      'TRADE TOOLS',
      'BLACKWOODS',
      'CAPRICORN',
    ],
    keywords: ['TOOLS', 'TOOL KIT', 'TOOLKIT', 'POWER TOOL'],
    confidence: 0.6,
    why: 'Specialist tool sellers mostly sell tradespeople’s work tools.',
    evidenceHint:
      'Keep the receipt. Tools costing more than $300 are depreciated over their effective life; claim only the work-use share.',
  },
  {
    id: 'tools-hardware',
    category: 'work-related-tools',
    dLabel: 'D5',
    merchants: ['BUNNINGS', 'MITRE 10', 'HOME TIMBER', 'HARDWARE'],
    confidence: 0.3,
    why: 'Hardware stores sell work tools, but most purchases there are for the home: a weak hint only.',
    evidenceHint:
      'Keep the itemised receipt showing the tool or equipment; home and garden items are not deductible.',
  },
  {
    id: 'clothing',
    category: 'work-related-clothing',
    dLabel: 'D3',
    merchants: [
      'WORKWEAR',
      'MR WORKWEAR',
      'RSEA',
      'RSEA SAFETY',
      'KING GEE',
      'HARD YAKKA',
      'BISLEY',
      'WORKWEAR HUB',
      'TRADEMUTT',
      'UNIFORM',
    ],
    keywords: ['SAFETY BOOTS', 'STEEL CAP', 'HI VIS', 'HIGH VIS', 'UNIFORM', 'DRY CLEAN', 'DRYCLEAN'],
    confidence: 0.55,
    why: 'Protective, occupation-specific and registered uniform clothing (and cleaning it) is deductible; ordinary clothes are not.',
    evidenceHint:
      'Keep receipts. Only protective, occupation-specific or compulsory/registered uniform clothing counts; conventional clothing does not, even if your employer asks you to wear it.',
  },
  {
    id: 'self-education',
    category: 'self-education',
    dLabel: 'D4',
    merchants: [
      'UDEMY',
      'COURSERA',
      'LINKEDIN LEARNING',
      'PLURALSIGHT',
      'TAFE',
      'OPEN UNIVERSITIES',
      'EDX',
      'A CLOUD GURU',
      'O REILLY',
    ],
    keywords: [
      'COURSE FEE',
      'COURSE FEES',
      'TUITION',
      'CONFERENCE',
      'SEMINAR',
      'TEXTBOOK',
      'TEXTBOOKS',
      'CERTIFICATION',
      'EXAM FEE',
      'UNIVERSITY',
    ],
    exclude: ['HECS', 'HELP DEBT', 'PARKING'],
    confidence: 0.5,
    why: 'Courses that maintain or improve the skills of your current job are deductible.',
    evidenceHint:
      'Keep receipts and a note of how the course relates to your current work. Study for a new career is not deductible, and HECS-HELP repayments never are.',
  },
  {
    id: 'professional-subscriptions',
    category: 'professional-subscriptions',
    dLabel: 'D5',
    merchants: [
      'CPA AUSTRALIA',
      'CHARTERED ACCOUNTANTS',
      'ENGINEERS AUSTRALIA',
      'AHPRA',
      'LAW SOCIETY',
      'AUSTRALIAN COMPUTER SOCIETY',
      'AICD',
      'ACS',
    ],
    keywords: ['MEMBERSHIP FEE', 'PRACTISING CERTIFICATE', 'REGISTRATION FEE', 'PROFESSIONAL MEMBERSHIP'],
    confidence: 0.7,
    why: 'Professional association memberships and registrations needed for your job are deductible.',
    evidenceHint: 'Keep the membership or registration invoice.',
  },
  {
    id: 'phone-internet',
    category: 'phone-internet',
    dLabel: 'D5',
    merchants: [
      'TELSTRA',
      'OPTUS',
      'VODAFONE',
      'TPG',
      'AUSSIE BROADBAND',
      'BELONG',
      'IINET',
      'BOOST MOBILE',
      'AMAYSIM',
      'SUPERLOOP',
      'DODO',
      'EXETEL',
      'LEBARA',
      'FELIX MOBILE',
      'LEAPTEL',
      'INTERNODE',
    ],
    confidence: 0.35,
    why: 'Phone and internet bills are deductible only for the work-use share, and not at all under the fixed-rate working-from-home method.',
    evidenceHint:
      'Keep the bills and a 4-week diary of work use to work out the work-use percentage. If you claim working from home at the fixed rate, phone and internet are already covered.',
  },
  {
    id: 'home-office',
    category: 'home-office',
    dLabel: 'D5',
    merchants: [
      'OFFICEWORKS',
      'OFFICE NATIONAL',
      'JB HI FI',
      'JB HIFI',
      'DELL',
      'LENOVO',
      'APPLE STORE',
      'HARVEY NORMAN',
    ],
    keywords: ['DESK', 'OFFICE CHAIR', 'MONITOR', 'STATIONERY', 'LAPTOP', 'PRINTER INK', 'TONER'],
    confidence: 0.35,
    why: 'Office equipment used for work is deductible (work share); electronics stores also sell personal items.',
    evidenceHint:
      'Keep the itemised receipt. Items over $300 are depreciated; stationery and phone/internet are covered by the fixed-rate working-from-home method if you use it. Keep a record of hours worked from home.',
  },
];
