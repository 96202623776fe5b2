import type { DocumentDto } from '@numeri/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../lib/api';
import { documentKeys } from './documents-api';
import { api } from '../../lib/api';
import { localRejection, MAX_UPLOAD_BYTES, uploadDocument } from './upload';

const clientConfigSchema = z.object({ uploadMaxBytes: z.number().int().positive() });

export type UploadState = 'waiting' | 'uploading' | 'duplicate' | 'rejected' | 'failed';

export interface UploadItem {
  key: string;
  file: File;
  state: UploadState;
  /** 0..1 of the bytes sent. */
  progress: number;
  /** Why it was refused or failed, in plain words. */
  title?: string;
  reason?: string;
  /** The earlier upload of the same file. */
  document?: DocumentDto;
}

/** At most this many files go up at once; the rest wait their turn. */
const CONCURRENCY = 3;

let counter = 0;
const nextKey = () => `upload-${(counter += 1)}`;

/**
 * The files being uploaded on this page: each with its progress, and, when it can't be read,
 * the reason. A file that arrives is handed to the documents list (which then shows its status);
 * refused files and duplicates stay here until dismissed.
 */
export function useUploads(options: { onUploaded?: (document: DocumentDto) => void } = {}) {
  const queryClient = useQueryClient();
  // The server's upload limit (it is configurable); the default applies until it answers.
  const limits = useQuery({
    queryKey: ['client-config'],
    queryFn: () => api.get('/api/v1/client-config', { schema: clientConfigSchema, auth: false }),
    staleTime: Infinity,
    retry: false,
  });
  const maxBytes = limits.data?.uploadMaxBytes ?? MAX_UPLOAD_BYTES;
  const [items, setItems] = useState<UploadItem[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  /** Keys already started (effects may run twice in development; an upload must not). */
  const started = useRef(new Set<string>());
  const onUploaded = useRef(options.onUploaded);
  useEffect(() => {
    onUploaded.current = options.onUploaded;
  });

  const update = useCallback((key: string, patch: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  }, []);

  const run = useCallback(
    async (item: UploadItem) => {
      const controller = new AbortController();
      controllers.current.set(item.key, controller);
      update(item.key, { state: 'uploading', progress: 0 });
      try {
        const result = await uploadDocument(item.file, {
          signal: controller.signal,
          onProgress: (progress) => update(item.key, { progress }),
        });
        queryClient.setQueryData(documentKeys.detail(result.document.id, undefined), result.document);
        await queryClient.invalidateQueries({ queryKey: documentKeys.lists() });
        if (result.duplicate) {
          update(item.key, { state: 'duplicate', progress: 1, document: result.document });
        } else {
          setItems((current) => current.filter((entry) => entry.key !== item.key));
          onUploaded.current?.(result.document);
        }
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') {
          setItems((current) => current.filter((entry) => entry.key !== item.key));
          return;
        }
        const refused =
          isApiError(error) && (error.status === 413 || error.status === 415 || error.status === 400);
        update(item.key, {
          state: refused ? 'rejected' : 'failed',
          title: isApiError(error) ? error.title : 'The upload failed',
          reason: isApiError(error)
            ? (error.detail ??
              (error.isUnreachable
                ? 'We couldn’t reach Numeri. Check your internet connection and try again.'
                : undefined))
            : 'Something went wrong. Please try again.',
        });
      } finally {
        controllers.current.delete(item.key);
      }
    },
    [queryClient, update],
  );

  // Start waiting uploads while there is room.
  useEffect(() => {
    const uploading = items.filter((item) => item.state === 'uploading').length;
    const waiting = items
      .filter((item) => item.state === 'waiting')
      .slice(0, Math.max(0, CONCURRENCY - uploading));
    for (const item of waiting) {
      if (started.current.has(item.key)) continue;
      started.current.add(item.key);
      void run(item);
    }
  }, [items, run]);

  // Leaving the page cancels uploads still on their way.
  useEffect(() => {
    const map = controllers.current;
    return () => {
      for (const controller of map.values()) controller.abort();
    };
  }, []);

  const add = useCallback(
    (files: Iterable<File>) => {
      const added: UploadItem[] = [];
      for (const file of files) {
        const rejection = localRejection(file, maxBytes);
        added.push({
          key: nextKey(),
          file,
          state: rejection ? 'rejected' : 'waiting',
          progress: 0,
          ...(rejection ? { title: 'Numeri can’t take this file', reason: rejection } : {}),
        });
      }
      if (added.length) setItems((current) => [...current, ...added]);
      return added;
    },
    [maxBytes],
  );

  const cancel = useCallback((key: string) => controllers.current.get(key)?.abort(), []);
  const dismiss = useCallback((key: string) => {
    setItems((current) => current.filter((item) => item.key !== key));
  }, []);
  const retry = useCallback(
    (key: string) => {
      started.current.delete(key);
      update(key, { state: 'waiting', progress: 0, title: undefined, reason: undefined });
    },
    [update],
  );

  return { items, add, cancel, dismiss, retry };
}
