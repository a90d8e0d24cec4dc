/** The baselines' activities do nothing but tell the time: the benchmarks measure what Sluice adds on top of Temporal. */
export const bareActivities = {
  async step(): Promise<void> {},
  async stamp(): Promise<number> {
    return Date.now();
  },
};
export type BareActivities = typeof bareActivities;
