import type { Logger } from 'pino';
import type { EmailMessage, Mailer } from '../../adapters/email/mailer.port';

const ATTEMPTS = 3;

/**
 * Sends email off the request path: a slow or failing relay never delays a response (and the
 * response time never reveals whether an email was sent at all). Bodies carry one-time links, so
 * they are not queued in the database; a message that still fails after retries is logged and the
 * user can ask again.
 */
export class EmailService {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly mailer: Mailer,
    private readonly log: Logger,
  ) {}

  deliver(message: EmailMessage): void {
    const attempt = async () => {
      for (let n = 1; n <= ATTEMPTS; n += 1) {
        try {
          await this.mailer.send(message);
          return;
        } catch (err) {
          if (n === ATTEMPTS) {
            this.log.error({ err, subject: message.subject }, 'email could not be sent');
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** n));
        }
      }
    };
    const task = attempt().finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  /** Waits for every email in flight (shutdown, tests). */
  async flush(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}
