import type { BacktestLine, BacktestRequestBody, BacktestResult, BacktestScenario } from '../../../domain/backtest.ts';
import type { DecisionPointId } from '../../../domain/decision-points.ts';
import { ApiError } from './api-error.ts';
import { rulesetPath } from './client.ts';
import { request, requestStream } from './request.ts';

/** Reads an NDJSON body line by line as it arrives. */
async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) yield line;
    }
  }
  if (buffered.trim()) yield buffered.trim();
}

/** Runs a backtest of `body.definition` on the server, reporting its progress; aborting `signal` stops it there too. */
export async function runBacktest(dp: DecisionPointId, body: BacktestRequestBody, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<BacktestResult> {
  const response = await requestStream(rulesetPath(dp, '/backtest'), { method: 'POST', body, signal });
  if (!response.body) throw new ApiError(response.status, 'no_body', 'The backtest answered without a body.');
  for await (const text of lines(response.body)) {
    const line = JSON.parse(text) as BacktestLine;
    if (line.type === 'progress') onProgress(line.done, line.total);
    else if (line.type === 'result') return line.result;
    else throw new ApiError(response.status, line.error.code, line.error.message);
  }
  throw new ApiError(response.status, 'cut_short', 'The backtest ended without a result: the connection was cut.');
}

export async function listBacktestScenarios(signal?: AbortSignal): Promise<BacktestScenario[]> {
  return (await request<{ scenarios: BacktestScenario[] }>('/backtest-scenarios', { signal })).scenarios;
}
