import {
  documentEventSchema,
  eventsTicketSchema,
  type DocumentDto,
  type DocumentEvent,
} from '@numeri/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../lib/api';
import { isActiveStatus } from './document-labels';
import { DOCUMENTS_API, documentKeys, patchCachedDocument } from './documents-api';

/**
 * How the page hears about status changes: `live` over server-sent events; `polling` when the
 * stream can't be opened (an old proxy, too many tabs, no EventSource), in which case the lists
 * refetch every {@link POLL_MS} while something is still being read.
 */
export type LiveMode = 'connecting' | 'live' | 'polling';

export const POLL_MS = 3_000;
/** After this many failed attempts in a row the page polls (and keeps trying to reconnect, slowly). */
const FAILURES_BEFORE_POLLING = 2;
const MAX_BACKOFF_MS = 60_000;

export interface DocumentEventsOptions {
  /** Off for a reviewer reading someone else's documents (the stream is the signed-in person's own). */
  enabled?: boolean;
  /** Called after a document's status changed (for announcements). */
  onStatusChange?: (before: DocumentDto, event: DocumentEvent) => void;
}

/**
 * Opens the live status stream: POST /documents/events/ticket (with the bearer token), then
 * EventSource on /documents/events?token=… (EventSource can't send headers). Each event updates
 * the cached document in place; a document that has finished is refetched for its fields.
 * A dropped stream reconnects with a fresh ticket, backing off; the server's own `retry` is not
 * relied on because the ticket in the URL expires after a minute.
 */
export function useDocumentEvents({ enabled = true, onStatusChange }: DocumentEventsOptions = {}): LiveMode {
  const queryClient = useQueryClient();
  const supported = typeof globalThis.EventSource === 'function';
  const [mode, setMode] = useState<LiveMode>(enabled && supported ? 'connecting' : 'polling');
  const callback = useRef(onStatusChange);
  useEffect(() => {
    callback.current = onStatusChange;
  });

  useEffect(() => {
    if (!enabled || !supported) {
      setMode('polling');
      return;
    }
    let cancelled = false;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let connectedBefore = false;

    const apply = (event: DocumentEvent) => {
      let before: DocumentDto | undefined;
      const found = patchCachedDocument(queryClient, event.id, (document) => {
        before ??= document;
        if (event.deleted) return null;
        // An older state arriving late (the cross-process poll overlaps) must not undo a newer one.
        if (Date.parse(document.updatedAt) > Date.parse(event.updatedAt)) return document;
        return {
          ...document,
          status: event.status,
          progress: event.progress,
          documentType: event.documentType ?? document.documentType,
          failureReason: event.failureReason,
          updatedAt: event.updatedAt,
        };
      });
      if (event.deleted) {
        queryClient.removeQueries({ queryKey: ['documents', 'detail', event.id] });
        void queryClient.invalidateQueries({ queryKey: ['transactions'] });
        return;
      }
      if (!found) {
        // Uploaded in another tab or on another device: fetch the lists again.
        void queryClient.invalidateQueries({ queryKey: documentKeys.lists() });
        return;
      }
      const previous = before as DocumentDto | undefined;
      if (previous && previous.status !== event.status) callback.current?.(previous, event);
      if (!isActiveStatus(event.status)) {
        // Finished: the event carries the status only; fetch the fields, warnings and import
        // summary. On every such event, not only the first: a later patch (a repeated or
        // reordered event) would otherwise mark the status-only copy fresh again, and the review
        // page would open it without its fields.
        void queryClient.invalidateQueries({ queryKey: ['documents', 'detail', event.id] });
        void queryClient.invalidateQueries({ queryKey: documentKeys.lists() });
        if (previous?.kind === 'bank-file')
          void queryClient.invalidateQueries({ queryKey: ['transactions'] });
      }
    };

    const retryLater = () => {
      if (cancelled) return;
      failures += 1;
      setMode(failures >= FAILURES_BEFORE_POLLING ? 'polling' : 'connecting');
      const delay = Math.min(MAX_BACKOFF_MS, 3_000 * 2 ** (failures - 1));
      timer = setTimeout(() => void connect(), delay);
    };

    const connect = async () => {
      let ticket: string;
      try {
        ({ ticket } = await api.post(DOCUMENTS_API.ticket, undefined, { schema: eventsTicketSchema }));
      } catch {
        retryLater();
        return;
      }
      if (cancelled) return;
      const stream = new EventSource(`${DOCUMENTS_API.events}?token=${encodeURIComponent(ticket)}`);
      source = stream;
      stream.addEventListener('open', () => {
        failures = 0;
        setMode('live');
        // Anything that changed while the stream was down is fetched once.
        // (Not the original files: they don't change, and refetching one would redraw its pages.)
        if (connectedBefore) {
          void queryClient.invalidateQueries({ queryKey: documentKeys.lists() });
          void queryClient.invalidateQueries({ queryKey: documentKeys.details() });
        }
        connectedBefore = true;
      });
      stream.addEventListener('document', (message) => {
        let data: unknown;
        try {
          data = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          return;
        }
        const parsed = documentEventSchema.safeParse(data);
        if (parsed.success) apply(parsed.data);
      });
      stream.addEventListener('error', () => {
        // EventSource would retry with the same (soon expired) ticket: close it and start again.
        stream.close();
        if (source === stream) source = null;
        retryLater();
      });
    };

    void connect();
    return () => {
      cancelled = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [enabled, supported, queryClient]);

  return mode;
}
