/**
 * Electronic lodgment with the ATO needs a registered tax agent's access to the ATO's
 * Standard Business Reporting channel, which Numeri does not have. Lodgment is therefore a port:
 * the sandbox adapter below validates and records, and an SBR adapter can replace it.
 */
export interface LodgmentSubmission {
  returnId: string;
  incomeYear: string;
  /** SHA-256 of the frozen return snapshot. */
  snapshotSha256: string;
}

export interface LodgmentEvent {
  status: string;
  at: string;
  detail: string;
}

export interface LodgmentReceipt {
  channel: 'sandbox';
  receiptNumber: string;
  notice: string;
  events: LodgmentEvent[];
}

export interface LodgmentPort {
  submit(submission: LodgmentSubmission, now: Date): Promise<LodgmentReceipt>;
}
