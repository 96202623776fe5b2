import { randomBytes } from 'node:crypto';
import type { LodgmentPort, LodgmentReceipt, LodgmentSubmission } from './lodgment.port';

export const SANDBOX_NOTICE =
  'Sandbox lodgment: this return was checked and frozen by Numeri but NOT sent to the ATO. ' +
  'Lodge it in myTax or through a registered tax agent using the exported summary.';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Records a lodgment locally with a receipt number; never contacts the ATO. */
export class SandboxLodgment implements LodgmentPort {
  async submit(submission: LodgmentSubmission, now: Date): Promise<LodgmentReceipt> {
    const suffix = [...randomBytes(8)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
    const at = now.toISOString();
    return {
      channel: 'sandbox',
      receiptNumber: `SBX-${submission.incomeYear.replace('-', '')}-${suffix}`,
      notice: SANDBOX_NOTICE,
      events: [
        { status: 'submitted', at, detail: 'The return was frozen and submitted to the sandbox.' },
        {
          status: 'validated',
          at,
          detail: 'Complete and consistent: every required answer is given and the assessment is final.',
        },
        { status: 'recorded (sandbox)', at, detail: 'Recorded in the sandbox. Not sent to the ATO.' },
      ],
    };
  }
}
