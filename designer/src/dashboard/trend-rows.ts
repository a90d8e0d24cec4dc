import type { TrendEvent } from '../../../domain/trend-events.ts';
import type { TrendPoint, Trends } from '../../../domain/trends.ts';
import { ordersHref } from '../orders/orders-link.ts';
import type { ChartRow, FigureLink } from './trend-chart.tsx';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The label under a bucket's bars: the day without its year, and the shift's first letter. */
export function shortLabel(label: string): string {
  const m = /(\d{4})-(\d{2})-(\d{2})(?: (\w))?/.exec(label);
  return m ? `${m[3]}/${m[2]}${m[4] ? ` ${m[4]}` : ''}` : label;
}

/** Builds the links of a bucket's figures: the orders list filtered to the moves the figure counts. */
export function linker(trends: Trends, scope: string, areaFilter: boolean) {
  return (p: TrendPoint, event: TrendEvent, n: number, words: [string, string], what: string, late = false): FigureLink => ({
    label: count(n, ...words),
    href: ordersHref({ moved: event, from: p.from, to: p.to, late, areas: areaFilter ? trends.areaIds : [], label: `${what}, ${p.label}${scope}` }),
  });
}

export type Link = ReturnType<typeof linker>;

/** The rows of each chart: figures per bucket and the links to the orders behind them. */
export function trendRows(trends: Trends, link: Link) {
  const rows = (values: (p: TrendPoint) => (number | null)[], links: (p: TrendPoint) => FigureLink[]): ChartRow[] =>
    trends.points.map((p) => ({ label: p.label, short: shortLabel(p.label), values: values(p), links: links(p) }));
  const released = (p: TrendPoint) => link(p, 'released', p.released, ['released', 'released'], 'Released');
  const completed = (p: TrendPoint) => link(p, 'completed', p.completed, ['completed', 'completed'], 'Completed');
  return {
    onTimeRelease: rows((p) => [p.onTimeReleasePercent], (p) => [released(p), link(p, 'released', p.releasedLate, ['late', 'late'], 'Released late', true)]),
    onTimeCompletion: rows((p) => [p.onTimeCompletionPercent], (p) => [completed(p), link(p, 'completed', p.completedLate, ['late', 'late'], 'Completed late', true)]),
    queueBalance: rows((p) => [p.queueBalance.coefficientOfVariation], (p) => [released(p)]),
    wip: rows((p) => [p.wipPercentOfLimit.mean, p.wipPercentOfLimit.peak], (p) => [released(p)]),
    load: rows((p) => [p.loadPercentOfNorm.mean, p.loadPercentOfNorm.peak], (p) => [released(p)]),
    poolAge: rows((p) => [p.poolAgeHours.p50, p.poolAgeHours.p90], (p) => [released(p)]),
    escalations: rows(
      (p) => [p.escalationsOpened, p.escalationsResolved],
      (p) => [link(p, 'escalated', p.escalationsOpened, ['opened', 'opened'], 'Escalated'), link(p, 'resolved', p.escalationsResolved, ['resolved', 'resolved'], 'Escalation resolved')],
    ),
    cycleTime: rows((p) => [p.cycleTimeHours.p50, p.cycleTimeHours.p90], (p) => [completed(p)]),
  };
}

/** The period's cycle-time histogram as chart rows: every bin links to the period's completions. */
export function histogramRows(trends: Trends, link: Link): ChartRow[] {
  const period: TrendPoint = { ...trends.points[0]!, from: trends.from, to: trends.to, label: 'the period' };
  const total = trends.cycleTimeHistogram.reduce((n, b) => n + b.orders, 0);
  return trends.cycleTimeHistogram.map((b) => {
    const label = b.toHours === null ? `${b.fromHours} h or more` : `${b.fromHours}–${b.toHours} h`;
    return { label, short: b.toHours === null ? `≥${b.fromHours}` : String(b.toHours), values: [b.orders], links: [link(period, 'completed', total, ['completed', 'completed'], 'Completed')] };
  });
}
