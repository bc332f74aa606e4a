import { Table } from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import { Percent } from './plan-badges.js';

const W = 640;
const H = 240;
const PAD = { left: 44, right: 16, top: 16, bottom: 36 };

/**
 * Progress over time as a server-rendered SVG step line (each point holds until the next write), with a text title
 * and description, and the same points in a table: the chart is never the only way to read them.
 */
export function ProgressChart(props: { id: string; series: { progress: number; recordedAt: Date }[]; title: string }) {
  const { t, format } = usePage();
  const points = props.series;
  if (points.length === 0) return <p>{t('plan.chart.empty')}</p>;
  const first = points[0]!.recordedAt.getTime();
  const last = Math.max(points[points.length - 1]!.recordedAt.getTime(), first + 1);
  const x = (time: number) => PAD.left + ((time - first) / (last - first)) * (W - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + (1 - value / 100) * (H - PAD.top - PAD.bottom);
  let path = '';
  points.forEach((point, i) => {
    const px = x(point.recordedAt.getTime()).toFixed(1);
    const py = y(point.progress).toFixed(1);
    path += i === 0 ? `M${px},${py}` : `H${px}V${py}`;
  });
  path += `H${(W - PAD.right).toFixed(1)}`;
  const latest = points[points.length - 1]!;
  const description = t('plan.chart.description', {
    count: points.length,
    from: format.dateTime(points[0]!.recordedAt),
    to: format.dateTime(latest.recordedAt),
    value: format.number(Math.round(latest.progress)),
  });
  return (
    <figure class="progress-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
        class="progress-chart__svg"
      >
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{description}</desc>
        {[0, 25, 50, 75, 100].map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#b1b4b6" stroke-width="1" />
            <text x={PAD.left - 6} y={y(tick) + 4} text-anchor="end" font-size="12" fill="#0b0c0c">
              {tick} %
            </text>
          </g>
        ))}
        <text x={PAD.left} y={H - 10} font-size="12" fill="#0b0c0c">
          {format.calendarDate(points[0]!.recordedAt.toISOString().slice(0, 10))}
        </text>
        <text x={W - PAD.right} y={H - 10} font-size="12" fill="#0b0c0c" text-anchor="end">
          {format.calendarDate(latest.recordedAt.toISOString().slice(0, 10))}
        </text>
        <path d={path} fill="none" stroke="#1d70b8" stroke-width="3" />
        {points.map((point, i) => (
          <circle key={i} cx={x(point.recordedAt.getTime())} cy={y(point.progress)} r="4" fill="#1d70b8" />
        ))}
      </svg>
      <figcaption class="hint">{description}</figcaption>
      <Table
        caption={t('plan.chart.tableCaption')}
        columns={[
          {
            header: t('plan.chart.when'),
            cell: (p: { progress: number; recordedAt: Date }) => (
              <time dateTime={p.recordedAt.toISOString()}>{format.dateTime(p.recordedAt)}</time>
            ),
          },
          { header: t('plan.chart.progress'), cell: (p) => <Percent value={p.progress} />, isNumeric: true },
        ]}
        rows={[...points].reverse()}
        rowKey={(p) => `${p.recordedAt.getTime()}-${p.progress}`}
      />
    </figure>
  );
}
