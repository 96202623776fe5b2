import type { auditEntrySchema } from '@numeri/contracts';
import type { z } from 'zod';
import { formatRelativeTime } from '../../lib/format';

export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** What each recorded action means to the account holder: [done, failed, denied]. */
const ACTIONS: Record<string, [string, string?, string?]> = {
  'auth.sign-up': ['Account created'],
  'auth.email-verified': ['Email address confirmed'],
  'auth.verification-resent': ['Confirmation email sent again'],
  'auth.sign-in': ['Signed in', 'Failed sign-in attempt', 'Sign-in blocked'],
  'auth.sign-in.password-accepted': ['Password entered, waiting for the 2FA code'],
  'auth.sign-out': ['Signed out'],
  'auth.sign-out-everywhere': ['Signed out on every device'],
  'auth.refresh-token-reuse': [
    'A copied sign-in was detected and ended',
    'A copied sign-in was detected and ended',
    'A copied sign-in was detected and ended',
  ],
  'auth.password-reset-requested': ['Password reset requested'],
  'auth.password-reset': ['Password reset', 'Password reset failed'],
  'session.revoked': ['A device was signed out'],
  'account.password-changed': ['Password changed', 'Password change failed'],
  'account.email-change-requested': ['Email change requested'],
  'account.email-changed': ['Email address changed'],
  'account.exported': ['Data downloaded'],
  'account.closed': ['Account closed'],
  'account.role-changed': ['Account role changed'],
  '2fa.setup-started': ['Two-factor set-up started'],
  '2fa.enabled': ['Two-factor authentication turned on'],
  '2fa.disabled': ['Two-factor authentication turned off'],
  '2fa.verified': [
    'Confirmed with an authenticator code',
    'Wrong two-factor code',
    'Two-factor code blocked',
  ],
  '2fa.recovery-code-used': ['Recovery code used'],
  '2fa.recovery-codes-regenerated': ['New recovery codes created'],
  'profile.updated': ['Personal details updated'],
  'profile.tfn-viewed': ['Tax file number viewed'],
  'profile.tfn-changed': ['Tax file number changed'],
  'delegation.invited': ['Tax agent invited'],
  'delegation.accepted': ['Tax agent invitation accepted'],
  'delegation.revoked': ['Tax agent access removed'],
};

/** Actions that always deserve attention, even when they "succeeded". */
const ALARMING = new Set(['auth.refresh-token-reuse']);

/** `document.viewed` → "Document viewed", for actions this page doesn't know yet. */
function humanise(action: string): string {
  const words = action
    .replace(/^[a-z0-9]+\./i, (prefix) => `${prefix.slice(0, -1)} `)
    .replace(/[._-]+/g, ' ')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface ActivityLine {
  title: string;
  /** Failures and denials are highlighted. */
  problem: boolean;
  /** "Chrome on Windows · 203.0.113.5" (and who, when it was someone else). */
  details: string;
  /** "2 hours ago". */
  when: string;
}

export function describeActivity(entry: AuditEntry, now: number = Date.now()): ActivityLine {
  const labels = ACTIONS[entry.action];
  const index = entry.outcome === 'success' ? 0 : entry.outcome === 'failure' ? 1 : 2;
  const base = labels?.[index] ?? labels?.[1] ?? labels?.[0] ?? humanise(entry.action);
  const title =
    labels && !labels[index] && entry.outcome !== 'success'
      ? `${base} (${entry.outcome === 'failure' ? 'failed' : 'blocked'})`
      : base;
  const details = [entry.actor ? `by ${entry.actor}` : null, entry.device, entry.ip]
    .filter(Boolean)
    .join(' · ');
  return {
    title,
    problem: entry.outcome !== 'success' || ALARMING.has(entry.action),
    details,
    when: formatRelativeTime(entry.occurredAt, now),
  };
}
