/**
 * Why a screen could not be shown, for the sentence that tells its person what to do. Browsers word a
 * failed `import()` differently: Chromium "Failed to fetch dynamically imported module", Firefox "error
 * loading dynamically imported module", Safari "Importing a module script failed".
 */
export type ScreenFailure = 'code-not-fetched' | 'error';

const CODE_NOT_FETCHED = /dynamically imported module|importing a module script failed/i;

export function screenFailureOf(error: unknown): ScreenFailure {
  return error instanceof Error && CODE_NOT_FETCHED.test(error.message) ? 'code-not-fetched' : 'error';
}

export const SCREEN_FAILURE_ADVICE: Record<ScreenFailure, string> = {
  'code-not-fetched':
    'Its code could not be fetched: the connection may have dropped, or Sluice was updated since this page was opened. Reloading the page fetches it again.',
  error: 'It ran into an error. Reloading the page starts it afresh; if this happens again, tell your administrator what you were doing when it did.',
};
