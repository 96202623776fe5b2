import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailer } from '../../src/adapters/email/mailer.port';
import { OutboxMailer, readOutbox } from '../../src/adapters/email/mailer.outbox';
import { SmtpMailer } from '../../src/adapters/email/mailer.smtp';
import { createCapturingLogger } from '../support/log-capture';

interface Harness {
  mailer: Mailer;
  /** The messages delivered so far, parsed. */
  received(): Promise<ParsedMail[]>;
  logs: ReturnType<typeof createCapturingLogger>;
  teardown(): Promise<void>;
}

function mailerContract(name: string, setup: () => Promise<Harness>) {
  describe(`Mailer contract: ${name}`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await setup();
    });
    afterAll(() => h.teardown());

    it('answers ping', async () => {
      await expect(h.mailer.ping()).resolves.toBeUndefined();
    });

    it('delivers recipient, subject, text and HTML intact', async () => {
      await h.mailer.send({
        to: 'jane.citizen@example.com',
        subject: 'Confirm your email for Numeri',
        text: 'Open https://numeri.test/verify-email?token=ONE-TIME-TOKEN-123 to confirm. Ünïcödé ok.',
        html: '<p>Open <a href="https://numeri.test/verify-email?token=ONE-TIME-TOKEN-123">this link</a>.</p>',
      });
      const messages = await h.received();
      const message = messages.at(-1)!;
      expect(message.subject).toBe('Confirm your email for Numeri');
      expect((message.to as { text: string }).text).toBe('jane.citizen@example.com');
      expect(message.from?.text).toContain('no-reply@numeri.test');
      expect(message.text).toContain('token=ONE-TIME-TOKEN-123');
      expect(message.text).toContain('Ünïcödé');
      expect(message.html).toContain('<a href=');
    });

    it('never logs the body or the full address', async () => {
      await h.mailer.send({
        to: 'private.person@example.com',
        subject: 'Reset your password',
        text: 'token=RESET-SECRET-999',
      });
      const text = h.logs.text();
      expect(text).not.toContain('RESET-SECRET-999');
      expect(text).not.toContain('private.person@');
      expect(text).toContain('p•••@example.com');
    });
  });
}

mailerContract('outbox folder', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-outbox-'));
  const logs = createCapturingLogger();
  const mailer = new OutboxMailer(dir, 'Numeri <no-reply@numeri.test>', logs.log);
  return {
    mailer,
    logs,
    received: async () => Promise.all((await readOutbox(dir)).map((raw) => simpleParser(raw))),
    teardown: async () => {
      await mailer.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
});

mailerContract('SMTP (smtp-server on loopback)', async () => {
  const inbox: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          inbox.push(mail);
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const logs = createCapturingLogger();
  const mailer = new SmtpMailer(
    `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    'Numeri <no-reply@numeri.test>',
    logs.log,
  );
  return {
    mailer,
    logs,
    received: async () => inbox,
    teardown: async () => {
      await mailer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
});
