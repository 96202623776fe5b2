import type { Profile, ProfileUpdate } from '@numeri/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { get, useForm, type Resolver } from 'react-hook-form';
import { Alert, ApiErrorAlert, Button, Card, Select, TextField } from '../../components';
import { useAuth } from '../../lib/auth';
import { applyServerFieldErrors } from '../../lib/forms';
import {
  PERSONAL_DETAILS_FIELDS,
  personalDetailsMessage,
  personalDetailsSchema,
  RESIDENCY_OPTIONS,
  STATE_OPTIONS,
  toFormValues,
  type PersonalDetailsField,
  type PersonalDetailsValues,
} from './personal-details';
import { useUpdateProfile } from './profile-api';

const resolver = zodResolver(personalDetailsSchema) as unknown as Resolver<
  PersonalDetailsValues,
  unknown,
  ProfileUpdate
>;

export function PersonalDetailsForm({ profile }: { profile: Profile }) {
  const { reloadUser } = useAuth();
  const update = useUpdateProfile();
  const form = useForm<PersonalDetailsValues, unknown, ProfileUpdate>({
    resolver,
    defaultValues: toFormValues(profile),
  });
  const [saved, setSaved] = useState(false);
  const { errors, isSubmitting, isDirty } = form.formState;

  // A newer profile from the server (e.g. saved in another tab) replaces untouched fields.
  useEffect(() => {
    if (!form.formState.isDirty) form.reset(toFormValues(profile));
  }, [profile, form]);

  const error = (field: PersonalDetailsField) =>
    personalDetailsMessage(field, (get(errors, field) as { message?: string } | undefined)?.message);

  const submit = form.handleSubmit(async (values) => {
    setSaved(false);
    update.reset();
    try {
      const next = await update.mutateAsync(values);
      form.reset(toFormValues(next));
      setSaved(true);
      if (next.givenName !== profile.givenName || next.familyName !== profile.familyName) void reloadUser();
    } catch (caught) {
      applyServerFieldErrors(form, caught, PERSONAL_DETAILS_FIELDS);
    }
  });

  const hasFieldErrors = Object.keys(errors).length > 0;
  return (
    <Card padding="none">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <div className="space-y-5 p-5 sm:p-6">
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label="First name"
              autoComplete="given-name"
              required
              error={error('givenName')}
              {...form.register('givenName')}
            />
            <TextField
              label="Last name"
              autoComplete="family-name"
              required
              error={error('familyName')}
              {...form.register('familyName')}
            />
          </div>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label="Phone number"
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              optional
              hint="Mobile or landline, e.g. 0412 345 678"
              error={error('phone')}
              {...form.register('phone')}
            />
            <TextField
              label="Date of birth"
              autoComplete="bday"
              inputMode="numeric"
              placeholder="DD/MM/YYYY"
              optional
              hint="DD/MM/YYYY. Some offsets depend on your age."
              error={error('dateOfBirth')}
              {...form.register('dateOfBirth')}
            />
          </div>
          <Select
            label="Residency for tax purposes"
            hint="Most people who live in Australia are residents. It changes the tax rates that apply."
            options={RESIDENCY_OPTIONS}
            error={error('residency')}
            className="sm:max-w-sm"
            {...form.register('residency')}
          />
          <fieldset className="border-t border-slate-100 pt-5" aria-describedby="postal-address-hint">
            <legend className="float-left w-full text-sm font-semibold text-slate-900">
              Postal address <span className="font-normal text-slate-500">(optional)</span>
            </legend>
            <p id="postal-address-hint" className="clear-left pt-1 text-sm text-slate-600">
              Where the ATO can send you letters.
            </p>
            <div className="mt-5 space-y-5">
              <TextField
                label="Street address"
                autoComplete="address-line1"
                error={error('postalAddress.line1')}
                {...form.register('postalAddress.line1')}
              />
              <TextField
                label="Address line 2"
                autoComplete="address-line2"
                optional
                error={error('postalAddress.line2')}
                {...form.register('postalAddress.line2')}
              />
              <div className="grid gap-5 sm:grid-cols-[minmax(0,2fr)_minmax(0,2fr)_minmax(0,1fr)]">
                <TextField
                  label="Suburb or town"
                  autoComplete="address-level2"
                  error={error('postalAddress.suburb')}
                  {...form.register('postalAddress.suburb')}
                />
                <Select
                  label="State or territory"
                  autoComplete="address-level1"
                  options={STATE_OPTIONS}
                  error={error('postalAddress.state')}
                  {...form.register('postalAddress.state')}
                />
                <TextField
                  label="Postcode"
                  inputMode="numeric"
                  autoComplete="postal-code"
                  maxLength={4}
                  error={error('postalAddress.postcode')}
                  {...form.register('postalAddress.postcode')}
                />
              </div>
            </div>
          </fieldset>
          {update.isError && !hasFieldErrors ? <ApiErrorAlert error={update.error} /> : null}
          <div aria-live="polite">
            {saved && !isDirty ? <Alert tone="success" title="Your details are saved" /> : null}
          </div>
        </div>
        <div className="flex flex-col-reverse gap-3 rounded-b-2xl border-t border-slate-100 bg-slate-50/70 px-5 py-4 sm:flex-row sm:justify-end sm:px-6">
          <Button
            variant="ghost"
            disabled={!isDirty || isSubmitting}
            onClick={() => {
              form.reset(toFormValues(profile));
              setSaved(false);
            }}
          >
            Undo changes
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Save details
          </Button>
        </div>
      </form>
    </Card>
  );
}
