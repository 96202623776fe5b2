import { z } from 'zod';
import { emailSchema, newPasswordSchema, roleSchema } from './auth.contract';

export const residencySchemaForProfile = z.enum(['resident', 'foreign-resident', 'working-holiday-maker']);

export const postalAddressSchema = z
  .object({
    line1: z.string().trim().min(1, 'is required').max(120),
    line2: z.string().trim().max(120).optional(),
    suburb: z.string().trim().min(1, 'is required').max(60),
    state: z.enum(['ACT', 'NSW', 'NT', 'QLD', 'SA', 'TAS', 'VIC', 'WA']),
    postcode: z
      .string()
      .trim()
      .regex(/^\d{4}$/, 'must be 4 digits'),
  })
  .meta({ id: 'PostalAddress' });

/** Australian phone number: 10 digits starting 0, or +61 and 9 digits; spaces allowed. */
export const phoneSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s()-]/g, ''))
  .pipe(z.string().regex(/^(0\d{9}|\+61\d{9})$/, 'must be an Australian number, e.g. 0412 345 678'));

export const dateOfBirthSchema = z.iso.date('must be a date (YYYY-MM-DD)');

export const profileSchema = z
  .object({
    email: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    phone: z.string().nullable(),
    dateOfBirth: z.string().nullable(),
    postalAddress: postalAddressSchema.nullable(),
    residency: residencySchemaForProfile.nullable(),
    tfn: z.object({
      present: z.boolean(),
      /** e.g. "*** *** 782"; the full number needs a fresh second factor (GET /profile/tfn). */
      masked: z.string().nullable(),
    }),
    role: roleSchema,
    emailVerified: z.boolean(),
    twoFactorEnabled: z.boolean(),
    recoveryCodesRemaining: z.number().int(),
  })
  .meta({ id: 'Profile' });
export type Profile = z.infer<typeof profileSchema>;

export const profileUpdateSchema = z
  .object({
    givenName: z.string().trim().min(1, 'is required').max(100),
    familyName: z.string().trim().min(1, 'is required').max(100),
    phone: phoneSchema.nullable(),
    dateOfBirth: dateOfBirthSchema.nullable(),
    postalAddress: postalAddressSchema.nullable(),
    residency: residencySchemaForProfile.nullable(),
  })
  .partial()
  .meta({ id: 'ProfileUpdate' });
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

/** Nine digits, spaces allowed; the check digit is validated on the server. */
export const tfnSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{8,9}$/, 'must be 8 or 9 digits'));

export const tfnUpdateSchema = z.object({ tfn: tfnSchema });
export const tfnSchemaResponse = z.object({ tfn: z.string() });

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'is required').max(128),
  newPassword: newPasswordSchema,
});

export const changeEmailSchema = z.object({
  newEmail: emailSchema,
  password: z.string().min(1, 'is required').max(128),
});

export const closeAccountSchema = z.object({ password: z.string().min(1, 'is required').max(128) });
export const accountClosedSchema = z.object({
  closedAt: z.iso.datetime(),
  /** When the data is removed: once the record-keeping period allows. */
  deletionDueAt: z.iso.datetime(),
  message: z.string(),
});

export const delegationSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['invited', 'active', 'revoked', 'declined']),
    /** The taxpayer who granted access. */
    owner: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
    /** The reviewer (tax agent); email only until the invitation is accepted. */
    reviewer: z.object({ id: z.uuid().nullable(), name: z.string().nullable(), email: z.string() }),
    createdAt: z.iso.datetime(),
    acceptedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Delegation' });
export type Delegation = z.infer<typeof delegationSchema>;

export const delegationListSchema = z.object({
  /** Reviewers this user has invited. */
  granted: z.array(delegationSchema),
  /** Taxpayers who invited this user. */
  received: z.array(delegationSchema),
});

export const inviteReviewerSchema = z.object({ email: emailSchema });

export const auditEntrySchema = z
  .object({
    id: z.uuid(),
    occurredAt: z.iso.datetime(),
    action: z.string(),
    outcome: z.enum(['success', 'failure', 'denied']),
    ip: z.string().nullable(),
    device: z.string().nullable(),
    /** Who did it, when it was someone else (a reviewer or an admin). */
    actor: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const adminUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  status: z.enum(['active', 'closed']),
  twoFactorEnabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
export const roleChangeSchema = z.object({ role: roleSchema });
export { newPasswordSchema };
