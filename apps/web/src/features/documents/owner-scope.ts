import { useSearchParams } from 'react-router';

export interface OwnerScope {
  /** Set when a tax agent reads a client's documents (`?ownerId=`); the pages are then read-only. */
  ownerId: string | undefined;
  readOnly: boolean;
  /** A link inside the documents pages that keeps the client in view. */
  link: (path: string) => string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function useOwnerScope(): OwnerScope {
  const [params] = useSearchParams();
  const raw = params.get('ownerId');
  const ownerId = raw && UUID.test(raw) ? raw : undefined;
  return {
    ownerId,
    readOnly: ownerId !== undefined,
    link: (path) => (ownerId ? `${path}${path.includes('?') ? '&' : '?'}ownerId=${ownerId}` : path),
  };
}
