import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/** RFC 6238: SHA-1, 6 digits, 30-second steps, as every authenticator app expects. */
const ISSUER = 'Numeri';
/** Accept the previous 30-second step too: phones and servers drift, people type slowly. */
const TOLERANCE: [number, number] = [30, 0];

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, accountEmail: string): string {
  return generateURI({ issuer: ISSUER, label: accountEmail, secret });
}

export async function totpQrCodeDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
}

/**
 * Checks a code and returns its time step, or null. `afterTimeStep` (the last step accepted for
 * this user) makes every code single-use, so a code seen over someone's shoulder cannot be replayed.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  nowMs: number,
  afterTimeStep?: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: TOLERANCE,
    ...(afterTimeStep != null ? { afterTimeStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** The current code for a secret (tests and the development console only). */
export function currentTotp(secret: string, nowMs: number): Promise<string> {
  return generate({ secret, epoch: Math.floor(nowMs / 1000) });
}
