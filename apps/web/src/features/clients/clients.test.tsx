import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, signedInRoutes, userFixture } from '../../test/api-mock';
import { renderApp } from '../../test/render';
import type { ReturnComment } from '../returns/api';
import { employer, item, OWNER_ID, returnView, summaryOf } from '../returns/test-fixtures';

const reviewer = userFixture({
  role: 'reviewer',
  givenName: 'Priya',
  familyName: 'Shah',
  email: 'priya@agents.example',
});

const delegations = {
  granted: [],
  received: [
    {
      id: '88888888-8888-4888-8888-888888888888',
      status: 'active',
      owner: { id: OWNER_ID, name: 'Sam Taylor', email: 'sam@example.com' },
      reviewer: { id: reviewer.id, name: 'Priya Shah', email: reviewer.email },
      createdAt: '2026-10-01T00:00:00.000Z',
      acceptedAt: '2026-10-02T00:00:00.000Z',
    },
  ],
};

const receipt = item({
  id: '99999999-9999-4999-8999-999999999999',
  kind: 'deduction',
  label: 'D5',
  description: 'Laptop bag',
  amountCents: 14_900,
});

describe('reviewer: clients', () => {
  it('lists the taxpayers who delegated, and opens their returns', async () => {
    const view = returnView(
      {
        sections: ['employment'],
        facts: { residency: { kind: 'resident' }, hasStudyLoan: false },
        items: [employer()],
      },
      { owner: { id: OWNER_ID, name: 'Sam Taylor' } },
    );
    const api = mockApi({
      ...signedInRoutes(reviewer),
      'GET /api/v1/delegations': () => json(delegations),
      'GET /api/v1/returns': () => json([summaryOf(view)]),
    });
    const user = userEvent.setup();
    renderApp('/clients');
    await user.click(await screen.findByRole('link', { name: /Sam Taylor/ }));
    expect(await screen.findByRole('heading', { name: 'Sam Taylor' })).toBeTruthy();
    const row = await screen.findByRole('link', { name: /2024–25/ });
    expect(row.getAttribute('href')).toBe(`/clients/${OWNER_ID}/2024-25`);
    expect(within(row).getByText('Refund $12.00')).toBeTruthy();
    // The client's returns are read with their id.
    expect(api.callsTo('GET /api/v1/returns')[0]!.url).toContain(`ownerId=${OWNER_ID}`);
  });

  it('reads a client’s return, comments on an item and signs it off', async () => {
    const view = returnView(
      {
        sections: ['employment', 'work-deductions'],
        facts: { residency: { kind: 'resident' }, hasStudyLoan: false },
        items: [employer(), receipt],
      },
      { owner: { id: OWNER_ID, name: 'Sam Taylor' } },
    );
    const comments: ReturnComment[] = [];
    let signedOff = false;
    const api = mockApi({
      ...signedInRoutes(reviewer),
      'GET /api/v1/delegations': () => json(delegations),
      'GET /api/v1/returns/2024-25': () =>
        json(
          signedOff
            ? { ...view, reviewSignedOff: { by: 'Priya Shah', at: '2026-11-28T02:00:00.000Z' } }
            : view,
        ),
      'GET /api/v1/returns/2024-25/checklist': () =>
        json([
          {
            id: `records.${receipt.id}`,
            severity: 'risk',
            title: 'No record attached to this claim',
            detail: 'A receipt showing the supplier, what you bought, the date and the amount.',
            itemId: receipt.id,
          },
        ]),
      'GET /api/v1/returns/2024-25/comments': () => json(comments),
      'POST /api/v1/returns/2024-25/comments': (request) => {
        const body = request.body as { body: string; itemId?: string };
        const comment: ReturnComment = {
          id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
          itemId: body.itemId ?? null,
          body: body.body,
          author: { id: reviewer.id, name: 'Priya Shah', role: 'reviewer' },
          createdAt: '2026-11-28T01:00:00.000Z',
          resolvedAt: null,
        };
        comments.push(comment);
        return json(comment, 201);
      },
      'POST /api/v1/returns/2024-25/sign-off': () => {
        signedOff = true;
        return new Response(null, { status: 204 });
      },
    });
    const user = userEvent.setup();
    renderApp(`/clients/${OWNER_ID}/2024-25`);

    expect(await screen.findByRole('heading', { name: 'Sam Taylor’s 2024–25 return' })).toBeTruthy();
    expect(screen.getByText('You’re reviewing — read-only')).toBeTruthy();
    // The stored assessment: $12.00 plus the $149 laptop bag at 30% + 2% Medicare ($47.68) = $59.68.
    expect(screen.getByTestId('review-outcome').textContent).toBe('$59.68');
    // The checklist is theirs, with no "fix" links for a reviewer.
    const risks = await screen.findByRole('region', { name: /Worth a second look/ });
    expect(within(risks).getByText('Laptop bag')).toBeTruthy();
    expect(within(risks).queryByRole('link', { name: /Go to it/ })).toBeNull();

    const everything = screen.getByRole('region', { name: 'Everything on this return' });
    await user.click(within(everything).getByRole('button', { name: 'Comment on Laptop bag' }));
    await user.type(
      within(everything).getByLabelText('Add a comment about Laptop bag'),
      'Was this bag only used for work?',
    );
    await user.click(within(everything).getByRole('button', { name: 'Post comment' }));
    expect(await within(everything).findByText('Was this bag only used for work?')).toBeTruthy();
    const posted = api.callsTo('POST /api/v1/returns/2024-25/comments')[0]!;
    expect(posted.body).toEqual({ body: 'Was this bag only used for work?', itemId: receipt.id });
    expect(posted.url).toContain(`ownerId=${OWNER_ID}`);

    await user.click(screen.getByRole('button', { name: 'Sign off this return' }));
    await waitFor(() => expect(screen.getByText(/Signed off by/)).toBeTruthy());
    expect(api.callsTo('POST /api/v1/returns/2024-25/sign-off')[0]!.url).toContain(`ownerId=${OWNER_ID}`);
    // No lodging or editing for a reviewer.
    expect(screen.queryByRole('button', { name: 'Lodge in the sandbox' })).toBeNull();
  });
});
