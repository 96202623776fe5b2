import type { EmailMessage, Mailer } from '../email/mailer.port';
import { ServiceGuard, type BreakerState } from './service-guard';

export const EMAIL_UNAVAILABLE = 'Email is not being delivered right now; try again in a minute.';

/** An external Mailer (SMTP) behind a timeout and a circuit breaker. */
export class ResilientMailer implements Mailer {
  readonly guard: ServiceGuard;

  constructor(
    readonly inner: Mailer,
    options: { timeoutMs: number; resetMs: number; onStateChange?: (state: BreakerState) => void },
  ) {
    this.guard = new ServiceGuard({
      name: 'email',
      timeoutMs: options.timeoutMs,
      resetMs: options.resetMs,
      message: EMAIL_UNAVAILABLE,
      ...(options.onStateChange ? { onStateChange: options.onStateChange } : {}),
    });
  }

  send(message: EmailMessage): Promise<void> {
    return this.guard.run(() => this.inner.send(message));
  }
  ping(): Promise<void> {
    return this.guard.run(() => this.inner.ping());
  }
  async close(): Promise<void> {
    this.guard.shutdown();
    await this.inner.close();
  }
}
