export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends email. Message bodies carry one-time links, so implementations never log them. */
export interface Mailer {
  send(message: EmailMessage): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** j•••@example.com — enough to recognise in a log, not enough to identify. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return '•••';
  return `${email[0]}•••${email.slice(at)}`;
}
