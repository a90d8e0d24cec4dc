/**
 * The orders behind a dashboard figure: those that made a move in a time range. Apart from the trends'
 * schemas, so the app shell can read a figure's link from the URL without loading zod.
 */
export const TREND_EVENTS = ['released', 'completed', 'escalated', 'resolved'] as const;
export type TrendEvent = (typeof TREND_EVENTS)[number];
