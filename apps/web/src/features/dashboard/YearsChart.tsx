import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../lib/format';
import type { YearFigures } from './DashboardPage';

export const SERIES = [
  // Each at least 3:1 against white (WCAG 1.4.11), and told apart by more than hue in the table.
  { key: 'income', name: 'Income', colour: '#0f766e' },
  { key: 'deductions', name: 'Deductions', colour: '#b45309' },
  { key: 'tax', name: 'Tax', colour: '#334155' },
] as const;

/** Income, deductions and tax across years (the table beside it carries the same figures). */
export default function YearsChart({ data }: { data: YearFigures[] }) {
  // The stylesheet stills CSS motion for people who ask for less; recharts animates in script.
  const animate = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={data}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        barGap={2}
        // The table under the chart is the accessible version; the chart itself takes no focus.
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="label" tickLine={false} axisLine={false} tick={{ fill: '#475569', fontSize: 12 }} />
        <YAxis
          tickLine={false}
          axisLine={false}
          width={56}
          tick={{ fill: '#475569', fontSize: 12 }}
          tickFormatter={(value: number) => (value >= 1000 ? `$${Math.round(value / 1000)}k` : `$${value}`)}
        />
        <Tooltip
          cursor={{ fill: '#f1f5f9' }}
          formatter={(value) => formatMoney(Number(value), { wholeDollars: true })}
          contentStyle={{ borderRadius: 12, borderColor: '#e2e8f0', fontSize: 13 }}
        />
        <Legend
          iconType="square"
          wrapperStyle={{ fontSize: 13 }}
          itemSorter={(item) => SERIES.findIndex((series) => series.name === item.value)}
          formatter={(value) => <span style={{ color: '#334155' }}>{value}</span>}
        />
        {SERIES.map((series) => (
          <Bar
            key={series.key}
            dataKey={series.key}
            name={series.name}
            fill={series.colour}
            radius={[4, 4, 0, 0]}
            maxBarSize={36}
            isAnimationActive={animate}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
