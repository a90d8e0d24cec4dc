/** A backtest asked for something it cannot run (unknown scenario, bad parameter): the caller's to fix, with this message. */
export class BacktestInputError extends Error {
  override name = 'BacktestInputError';
}
