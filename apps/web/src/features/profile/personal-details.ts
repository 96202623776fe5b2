import {
  dateOfBirthSchema,
  phoneSchema,
  postalAddressSchema,
  profileUpdateSchema,
  residencySchemaForProfile,
  type Profile,
  type ProfileUpdate,
} from '@numeri/contracts';
import { z } from 'zod';
import type { SelectOption } from '../../components';

/** What the form holds: text as typed ('' for "not given"); the schema turns it into a ProfileUpdate. */
export interface PersonalDetailsValues {
  givenName: string;
  familyName: string;
  phone: string;
  dateOfBirth: string;
  residency: string;
  postalAddress: { line1: string; line2: string; suburb: string; state: string; postcode: string };
}

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

/** An address is optional as a whole: all blank means "none"; otherwise it must be complete. */
const addressOrNull = z.preprocess((value) => {
  if (typeof value !== 'object' || value === null) return value;
  const address = value as Record<string, string>;
  if (Object.values(address).every((part) => !part?.trim())) return null;
  return {
    ...address,
    line2: address.line2?.trim() ? address.line2 : undefined,
    state: address.state || undefined,
  };
}, postalAddressSchema.nullable());

const today = () => new Date().toISOString().slice(0, 10);

/** "12/04/1990" (or 12-4-1990, 12.04.1990) → "1990-04-12"; anything else is passed on as typed. */
export function parseAustralianDate(text: string): string {
  const match = /^\s*(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})\s*$/.exec(text);
  if (!match) return text.trim();
  const [, day, month, year] = match;
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

/** "1990-04-12" → "12/04/1990", the way Australians write dates. */
export function formatAustralianDate(iso: string | null): string {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return match ? `${match[3]}/${match[2]}/${match[1]}` : (iso ?? '');
}

const DATE_FORMAT_MESSAGE = 'Enter your date of birth as DD/MM/YYYY, for example 12/04/1990.';

/** The contract's ProfileUpdate fields, read from form text. */
export const personalDetailsSchema = z.object({
  givenName: profileUpdateSchema.shape.givenName.unwrap(),
  familyName: profileUpdateSchema.shape.familyName.unwrap(),
  phone: z.preprocess(blankToNull, phoneSchema.nullable()),
  dateOfBirth: z.preprocess(
    (value) => (typeof value === 'string' ? blankToNull(parseAustralianDate(value)) : value),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, DATE_FORMAT_MESSAGE)
      .pipe(dateOfBirthSchema)
      .refine((date) => date <= today(), 'Your date of birth can’t be in the future.')
      .nullable(),
  ),
  residency: z.preprocess(blankToNull, residencySchemaForProfile.nullable()),
  postalAddress: addressOrNull,
});

export function toFormValues(profile: Profile): PersonalDetailsValues {
  return {
    givenName: profile.givenName,
    familyName: profile.familyName,
    phone: profile.phone ?? '',
    dateOfBirth: formatAustralianDate(profile.dateOfBirth),
    residency: profile.residency ?? '',
    postalAddress: {
      line1: profile.postalAddress?.line1 ?? '',
      line2: profile.postalAddress?.line2 ?? '',
      suburb: profile.postalAddress?.suburb ?? '',
      state: profile.postalAddress?.state ?? '',
      postcode: profile.postalAddress?.postcode ?? '',
    },
  };
}

export type PersonalDetailsField =
  | 'givenName'
  | 'familyName'
  | 'phone'
  | 'dateOfBirth'
  | 'residency'
  | 'postalAddress.line1'
  | 'postalAddress.line2'
  | 'postalAddress.suburb'
  | 'postalAddress.state'
  | 'postalAddress.postcode';

/** In the order they appear, so the first problem gets focus. */
export const PERSONAL_DETAILS_FIELDS: readonly PersonalDetailsField[] = [
  'givenName',
  'familyName',
  'phone',
  'dateOfBirth',
  'residency',
  'postalAddress.line1',
  'postalAddress.line2',
  'postalAddress.suburb',
  'postalAddress.state',
  'postalAddress.postcode',
];

export const PERSONAL_DETAILS_LABELS: Record<PersonalDetailsField, string> = {
  givenName: 'First name',
  familyName: 'Last name',
  phone: 'Phone number',
  dateOfBirth: 'Date of birth',
  residency: 'Residency for tax purposes',
  'postalAddress.line1': 'Street address',
  'postalAddress.line2': 'Address line 2',
  'postalAddress.suburb': 'Suburb or town',
  'postalAddress.state': 'State or territory',
  'postalAddress.postcode': 'Postcode',
};

export const STATE_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'Choose…' },
  { value: 'ACT', label: 'Australian Capital Territory' },
  { value: 'NSW', label: 'New South Wales' },
  { value: 'NT', label: 'Northern Territory' },
  { value: 'QLD', label: 'Queensland' },
  { value: 'SA', label: 'South Australia' },
  { value: 'TAS', label: 'Tasmania' },
  { value: 'VIC', label: 'Victoria' },
  { value: 'WA', label: 'Western Australia' },
];

export const RESIDENCY_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'Not sure yet' },
  { value: 'resident', label: 'Australian resident' },
  { value: 'foreign-resident', label: 'Foreign resident' },
  { value: 'working-holiday-maker', label: 'Working holiday maker' },
];

/** Plain words for one field's problem. */
export function personalDetailsMessage(
  field: PersonalDetailsField,
  message: string | undefined,
): string | undefined {
  if (!message) return undefined;
  const label = PERSONAL_DETAILS_LABELS[field];
  if (field === 'postalAddress.state' && !/^[a-z]/.test(message)) return 'Choose a state or territory.';
  if (message === 'is required') return `Enter your ${label.toLowerCase()}.`;
  if (field === 'dateOfBirth' && /YYYY-MM-DD|valid date/i.test(message)) return DATE_FORMAT_MESSAGE;
  const text = message.trim();
  if (/^[a-z]/.test(text)) return `${label} ${text}${/[.!?]$/.test(text) ? '' : '.'}`;
  return text;
}

export type { ProfileUpdate };
