import { Cell, Pie, PieChart } from 'recharts';
import type { DollarShare } from './WhereEachDollarGoes';

/** The donut of {@link DollarShare}s. Decorative: the table beside it carries the same figures. */
export default function DollarDonut({ shares }: { shares: readonly DollarShare[] }) {
  return (
    <PieChart width={176} height={176} accessibilityLayer={false}>
      <Pie
        data={[...shares]}
        dataKey="amount"
        nameKey="label"
        cx="50%"
        cy="50%"
        innerRadius={58}
        outerRadius={86}
        startAngle={90}
        endAngle={-270}
        paddingAngle={shares.length > 1 ? 1.5 : 0}
        stroke="none"
        isAnimationActive={false}
        rootTabIndex={-1}
      >
        {shares.map((share) => (
          <Cell key={share.id} fill={share.colour} />
        ))}
      </Pie>
    </PieChart>
  );
}
