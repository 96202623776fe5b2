import { z } from 'zod';

/**
 * Accounts and sign-in (POST /api/v1/auth/…). The refresh token never appears in a body: it
 * travels only in the httpOnly `numeri_refresh` cookie. Unsafe requests that rely on that cookie
 * must carry the header `X-Requested-With: numeri`.
 */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'numeri';
export const REFRESH_COOKIE = 'numeri_refresh';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'is too long')
  .pipe(z.email('is not a valid email address'));

/** Length only: strength and common-password checks happen on the server (and are mirrored in the UI). */
export const newPasswordSchema = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(128, 'must be at most 128 characters');

export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app');

/** A 6-digit TOTP code or a recovery code (xxxxx-xxxxx). */
export const secondFactorCodeSchema = z
  .string()
  .trim()
  .min(6, 'enter the 6-digit code or a recovery code')
  .max(32, 'is too long');

export const signUpRequestSchema = z
  .object({
    email: emailSchema,
    password: newPasswordSchema,
    givenName: z.string().trim().min(1, 'is required').max(100),
    familyName: z.string().trim().min(1, 'is required').max(100),
  })
  .meta({ id: 'SignUpRequest' });
export type SignUpRequest = z.infer<typeof signUpRequestSchema>;

export const acceptedSchema = z.object({ message: z.string() }).meta({ id: 'Accepted' });

export const tokenRequestSchema = z.object({ token: z.string().min(10).max(200) });

export const signInRequestSchema = z
  .object({ email: emailSchema, password: z.string().min(1, 'is required').max(128) })
  .meta({ id: 'SignInRequest' });

export const roleSchema = z.enum(['taxpayer', 'reviewer', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const currentUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    role: roleSchema,
    emailVerified: z.boolean(),
    twoFactorEnabled: z.boolean(),
    /** True when the deployment requires 2FA and this user has not enrolled yet. */
    twoFactorEnrolmentRequired: z.boolean(),
  })
  .meta({ id: 'CurrentUser' });
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const sessionTokensSchema = z
  .object({
    status: z.literal('signed-in'),
    accessToken: z.string(),
    /** Seconds until the access token expires; refresh before then. */
    expiresIn: z.number().int(),
    user: currentUserSchema,
  })
  .meta({ id: 'SessionTokens' });
export type SessionTokens = z.infer<typeof sessionTokensSchema>;

export const mfaChallengeSchema = z
  .object({
    status: z.literal('mfa-required'),
    /** Proves the password step; exchange it with a code at /auth/sign-in/mfa within 5 minutes. */
    mfaToken: z.string(),
  })
  .meta({ id: 'MfaChallenge' });

export const signInResponseSchema = z.discriminatedUnion('status', [sessionTokensSchema, mfaChallengeSchema]);
export type SignInResponse = z.infer<typeof signInResponseSchema>;

export const mfaSignInRequestSchema = z.object({
  mfaToken: z.string().min(10).max(2000),
  code: secondFactorCodeSchema,
});

export const forgotPasswordRequestSchema = z.object({ email: emailSchema });
export const resetPasswordRequestSchema = z.object({
  token: z.string().min(10).max(200),
  password: newPasswordSchema,
});

export const sessionSchema = z
  .object({
    id: z.uuid(),
    current: z.boolean(),
    device: z.string().describe('Browser and system, from the user agent'),
    ip: z.string().nullable(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime(),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof sessionSchema>;

export const twoFactorSetupSchema = z
  .object({
    /** Base32 secret, for typing into an app that cannot scan. */
    secret: z.string(),
    otpauthUri: z.string(),
    /** PNG data URL of the otpauth URI as a QR code. */
    qrCodeDataUrl: z.string(),
  })
  .meta({ id: 'TwoFactorSetup' });

export const twoFactorCodeRequestSchema = z.object({ code: totpCodeSchema });
export const secondFactorRequestSchema = z.object({ code: secondFactorCodeSchema });

export const recoveryCodesSchema = z
  .object({ recoveryCodes: z.array(z.string()).length(10).describe('Shown once. Each works once.') })
  .meta({ id: 'RecoveryCodes' });

export const stepUpResponseSchema = z.object({
  /** Until when sensitive actions (TFN, email, password, 2FA, lodging) are allowed without another code. */
  validUntil: z.iso.datetime(),
});
