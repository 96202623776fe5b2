import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import { maskEmail, type EmailMessage, type Mailer } from './mailer.port';

/**
 * Embedded default: each message is written as an .eml file to DATA_DIR/outbox (open it in any
 * mail client, or read the link in it) and announced in the log without its body.
 */
export class OutboxMailer implements Mailer {
  private readonly composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });

  constructor(
    private readonly dir: string,
    private readonly from: string,
    private readonly log: Logger,
  ) {}

  async send(message: EmailMessage): Promise<void> {
    const info = await this.composer.sendMail({ from: this.from, ...message });
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = path.join(this.dir, `${stamp}-${randomUUID().slice(0, 8)}.eml`);
    const temp = `${file}.tmp`;
    await fs.writeFile(temp, info.message as Buffer, { mode: 0o600 });
    await fs.rename(temp, file);
    this.log.info({ to: maskEmail(message.to), subject: message.subject, file }, 'email written to outbox');
  }

  async ping(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    await fs.access(this.dir, fs.constants.W_OK);
  }

  async close(): Promise<void> {
    this.composer.close();
  }
}

/** Reads back outbox messages, newest last (tests and the developer's own eyes). */
export async function readOutbox(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((name) => name.endsWith('.eml')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return Promise.all(names.map((name) => fs.readFile(path.join(dir, name), 'utf8')));
}
