/** The baseline's activities do nothing: the benchmark measures what Sluice adds on top of Temporal. */
export const bareActivities = {
  async step(): Promise<void> {},
};
export type BareActivities = typeof bareActivities;
