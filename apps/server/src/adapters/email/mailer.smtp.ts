import nodemailer, { type Transporter, type TransportOptions } from 'nodemailer';
import type { Logger } from 'pino';
import { maskEmail, type EmailMessage, type Mailer } from './mailer.port';

/** SMTP through a pooled nodemailer transport, with timeouts so a slow relay cannot hang a request. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
    private readonly log: Logger,
  ) {
    this.transport = nodemailer.createTransport({
      url,
      pool: true,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 15_000,
    } as TransportOptions);
  }

  async send(message: EmailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...message });
    this.log.info({ to: maskEmail(message.to), subject: message.subject }, 'email sent');
  }

  async ping(): Promise<void> {
    await this.transport.verify();
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
