/**
 * Instants relative to the clock the test runs on. Tests build due times from these, never from a
 * literal date, so a test written today still means the same a year from now.
 */
export const hoursFromNow = (hours: number): string => new Date(Date.now() + hours * 3_600_000).toISOString();
