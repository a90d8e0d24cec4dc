import { useState } from 'react';
import { signOut } from './session-actions.ts';

/** Signing out, with its own pending and failure state for whichever control offers it. */
export function useSignOut() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const run = async () => {
    setPending(true);
    setError(null);
    try {
      await signOut();
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setPending(false);
    }
  };
  return { signOut: () => void run(), pending, error, dismiss: () => setError(null) };
}
