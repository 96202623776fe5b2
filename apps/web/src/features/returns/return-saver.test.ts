import type { ReturnUpdate, TaxReturnView } from '@numeri/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api';
import { ReturnSaver } from './return-saver';
import { employer, returnView } from './test-fixtures';

function deferredView() {
  let resolve!: (view: TaxReturnView) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<TaxReturnView>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

const offline = () => new ApiError({ status: 0, code: 'network_error', title: 'Can’t connect to Numeri' });

afterEach(() => {
  vi.useRealTimers();
});

describe('autosave', () => {
  it('debounces edits into one PATCH, keeps one request in flight, and sends later edits next', async () => {
    vi.useFakeTimers();
    const sent: ReturnUpdate[] = [];
    const pending: ReturnType<typeof deferredView>[] = [];
    const saver = new ReturnSaver(returnView({}, { version: 3 }), {
      delayMs: 800,
      send: (_year, body) => {
        sent.push(body);
        const next = deferredView();
        pending.push(next);
        return next.promise;
      },
    });
    saver.start();
    saver.setFacts({ residency: { kind: 'resident' } });
    saver.upsertItem(employer({ grossPaymentsCents: 100 }));
    saver.upsertItem(employer({ grossPaymentsCents: 8_500_000 }));
    expect(saver.getSnapshot().state).toBe('pending');
    await vi.advanceTimersByTimeAsync(799);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ version: 3, facts: { residency: { kind: 'resident' } } });
    expect(sent[0]!.upsertItems).toHaveLength(1);
    expect(sent[0]!.upsertItems![0]).toMatchObject({ grossPaymentsCents: 8_500_000 });
    expect(saver.getSnapshot().state).toBe('saving');

    // An edit while the first save is in flight waits for it.
    saver.upsertItem(employer({ grossPaymentsCents: 9_000_000 }));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toHaveLength(1);

    pending[0]!.resolve(returnView({}, { version: 4 }));
    await vi.advanceTimersByTimeAsync(800);
    expect(sent).toHaveLength(2);
    // Based on the version the first save returned; only what changed since.
    expect(sent[1]).toEqual({
      version: 4,
      upsertItems: [expect.objectContaining({ grossPaymentsCents: 9_000_000 })],
    });
    pending[1]!.resolve(returnView({}, { version: 5 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.getSnapshot()).toMatchObject({ state: 'saved', version: 5, pending: 0 });
    saver.stop();
  });

  it('offline: keeps the changes, says so, and retries until the server answers', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const saver = new ReturnSaver(returnView({}, { version: 3 }), {
      delayMs: 10,
      retryDelaysMs: [1_000, 2_000],
      send: async () => {
        calls += 1;
        if (calls < 3) throw offline();
        return returnView({}, { version: 4 });
      },
    });
    saver.start();
    saver.setSections(['employment']);
    await vi.advanceTimersByTimeAsync(10);
    expect(saver.getSnapshot()).toMatchObject({ state: 'offline', pending: 1 });
    expect(saver.getSnapshot().draft.sections).toEqual(['employment']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(2);
    expect(saver.getSnapshot().state).toBe('offline');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toBe(3);
    expect(saver.getSnapshot()).toMatchObject({ state: 'saved', version: 4, pending: 0 });
    saver.stop();
  });

  it('a 409 stops saving and lists what was not saved; the newer version replaces the draft', async () => {
    const saver = new ReturnSaver(returnView({}, { version: 3 }), {
      delayMs: 0,
      send: async () => {
        throw new ApiError({
          status: 409,
          code: 'VERSION_CONFLICT',
          title: 'Someone else changed this first',
        });
      },
    });
    saver.start();
    saver.upsertItem(employer());
    await vi.waitFor(() => expect(saver.getSnapshot().state).toBe('conflict'));
    expect(saver.describePending()).toEqual(['Added: Acme Pty Ltd (employer)']);
    // Further edits are not accepted until the newer version is loaded.
    saver.setSections(['interest']);
    expect(saver.getSnapshot().draft.sections).toEqual([]);
    expect(await saver.flush()).toBe(false);

    saver.replace(returnView({ sections: ['employment'] }, { version: 9 }));
    expect(saver.getSnapshot()).toMatchObject({ state: 'saved', version: 9, pending: 0 });
    expect(saver.getSnapshot().draft.items).toEqual([]);
    saver.stop();
  });

  it('adopts a newer version fetched in the background only when nothing is waiting', async () => {
    const send = vi.fn(async (_year: string, body: ReturnUpdate) =>
      returnView({}, { version: body.version + 1 }),
    );
    const saver = new ReturnSaver(returnView({}, { version: 3 }), { delayMs: 60_000, send });
    saver.start();
    // Not newer: ignored.
    expect(saver.adopt(returnView({ sections: ['interest'] }, { version: 3 }))).toBe(false);
    // Newer, nothing pending: taken in (a document was confirmed into the return elsewhere).
    const withReceipt = returnView({ items: [employer()] }, { version: 5 });
    expect(saver.adopt(withReceipt)).toBe(true);
    expect(saver.getSnapshot()).toMatchObject({ version: 5, state: 'saved', pending: 0 });
    expect(saver.getSnapshot().draft.items).toHaveLength(1);

    // With an edit waiting, the person's draft is kept; the save will meet the 409 instead.
    saver.setFacts({ hasStudyLoan: false });
    expect(saver.adopt(returnView({}, { version: 6 }))).toBe(false);
    expect(saver.getSnapshot()).toMatchObject({ version: 5, pending: 1 });
    expect(saver.getSnapshot().draft.facts).toMatchObject({ hasStudyLoan: false });
    saver.stop();
  });

  it('a lodged return is read-only', () => {
    const saver = new ReturnSaver(returnView({}, { status: 'lodged' }), { send: vi.fn() });
    saver.upsertItem(employer());
    expect(saver.getSnapshot()).toMatchObject({ state: 'readonly', pending: 0 });
    expect(saver.getSnapshot().draft.items).toEqual([]);
  });

  it('flush sends what is waiting at once (before lodging)', async () => {
    const send = vi.fn(async (_year: string, body: ReturnUpdate) =>
      returnView({}, { version: body.version + 1 }),
    );
    const saver = new ReturnSaver(returnView({}, { version: 3 }), { delayMs: 60_000, send });
    saver.start();
    saver.setFacts({ hasStudyLoan: false });
    expect(await saver.flush()).toBe(true);
    expect(send).toHaveBeenCalledTimes(1);
    expect(saver.getSnapshot().version).toBe(4);
    saver.stop();
  });
});
