import type { CurrentUser, SessionTokens, SignInResponse } from '@numeri/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, use, useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { authSession, type AuthExit, type AuthSession, type AuthStatus } from './session';

export interface AuthContextValue {
  status: AuthStatus;
  user: CurrentUser | null;
  /** The session couldn't be restored or renewed because Numeri couldn't be reached. */
  unreachable: boolean;
  signIn(email: string, password: string): Promise<SignInResponse>;
  completeMfa(mfaToken: string, code: string): Promise<SessionTokens>;
  signOut(): Promise<void>;
  signOutEverywhere(): Promise<void>;
  /** Forget the session here and in other tabs without calling the server (it already ended it). */
  forget(): void;
  reloadUser(): Promise<CurrentUser>;
  retry(): Promise<boolean>;
  /** Before signing out on purpose from a protected page: where that page should go instead of /sign-in. */
  planExit(exit: AuthExit): void;
  exitFor(pathname: string): AuthExit | null;
  dropExitUnlessAt(pathname: string): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export interface AuthProviderProps {
  children: ReactNode;
  session?: AuthSession;
}

/**
 * Restores the session once when the app starts and shares it with every page. Cached server
 * data is dropped whenever the signed-in person changes, so nothing of one account is shown to the next.
 */
export function AuthProvider({ children, session = authSession }: AuthProviderProps) {
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
  const queryClient = useQueryClient();

  useEffect(() => {
    void session.start();
  }, [session]);

  const userId = snapshot.user?.id ?? null;
  const previousUser = useRef(userId);
  useEffect(() => {
    if (previousUser.current === userId) return;
    if (previousUser.current !== null) queryClient.clear();
    previousUser.current = userId;
  }, [userId, queryClient]);

  const value = useMemo<AuthContextValue>(
    () => ({
      status: snapshot.status,
      user: snapshot.user,
      unreachable: snapshot.unreachable,
      signIn: (email, password) => session.signIn(email, password),
      completeMfa: (mfaToken, code) => session.completeMfa(mfaToken, code),
      signOut: () => session.signOut(),
      signOutEverywhere: () => session.signOutEverywhere(),
      forget: () => session.forget(),
      reloadUser: () => session.reloadUser(),
      retry: () => session.retry(),
      planExit: (exit) => session.planExit(exit),
      exitFor: (pathname) => session.exitFor(pathname),
      dropExitUnlessAt: (pathname) => session.dropExitUnlessAt(pathname),
    }),
    [snapshot, session],
  );

  return <AuthContext value={value}>{children}</AuthContext>;
}

/** The signed-in person and the session's status (`loading` until the first refresh answers). */
export function useAuth(): AuthContextValue {
  const value = use(AuthContext);
  if (!value) throw new Error('useAuth() must be used inside <AuthProvider>');
  return value;
}
