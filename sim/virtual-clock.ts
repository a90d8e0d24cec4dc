/**
 * The simulator's time: a number of hours since the run began. One time unit is one hour, so the rules'
 * hour-based facts (slack hours, planned lead times) mean what they say. A rule or cycle sees the instant
 * `SIM_EPOCH` + t hours; the epoch is a fixed Monday 00:00 UTC, never the wall clock, so runs repeat.
 */
export const SIM_EPOCH = Date.UTC(2026, 0, 5);

const HOUR = 3_600_000;

export const instantAt = (hours: number) => new Date(SIM_EPOCH + hours * HOUR);

export const hoursAt = (instant: Date) => (instant.getTime() - SIM_EPOCH) / HOUR;
