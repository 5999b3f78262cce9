"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Breakdown, DailyUsage } from "@/lib/services/usage/usage-summary";
import { usd } from "./usage-format";

const AXIS = { fontSize: 11, fill: "currentColor" };

const TOOLTIP = { contentStyle: { fontSize: 12, borderRadius: 6, color: "#18181b" }, cursor: { fillOpacity: 0.15 } };

function Chart({ title, children, height = 224 }: { title: string; children: React.ReactElement; height?: number }) {
  return (
    // min-w-0: a chart still sized for a wider window must not widen its grid column (and the page).
    <figure className="card min-w-0 overflow-hidden p-4">
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      <div className="text-zinc-500 dark:text-zinc-400" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">{children}</ResponsiveContainer>
      </div>
    </figure>
  );
}

const dollars = (value: unknown) => usd(Math.round(Number(value) * 1_000_000));

export function DailyCharts({ days }: { days: DailyUsage[] }) {
  const data = days.map((d) => ({ ...d, ok: d.requests - d.errors, dollars: d.spend / 1_000_000, day: d.day.slice(5) }));
  const interval = Math.max(0, Math.ceil(days.length / 8) - 1);
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="usage-charts">
      <Chart title="Spend per day">
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="day" tick={AXIS} interval={interval} />
          <YAxis tick={AXIS} width={68} tickFormatter={dollars} />
          <Tooltip {...TOOLTIP} formatter={dollars} />
          <Bar dataKey="dollars" name="spend" fill="#059669" isAnimationActive={false} />
        </BarChart>
      </Chart>
      <Chart title="Requests per day">
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="day" tick={AXIS} interval={interval} />
          <YAxis tick={AXIS} allowDecimals={false} width={32} />
          <Tooltip {...TOOLTIP} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="ok" name="succeeded" stackId="r" fill="#4f46e5" isAnimationActive={false} />
          <Bar dataKey="errors" name="errors" stackId="r" fill="#dc2626" isAnimationActive={false} />
        </BarChart>
      </Chart>
    </div>
  );
}

/** Spend per name, one bar each; the chart grows with the rows instead of stretching one bar across it. */
export function BreakdownChart({ title, rows, testId }: { title: string; rows: Breakdown[]; testId?: string }) {
  const longest = Math.max(0, ...rows.map((r) => r.name.length));
  const data = rows.map((r) => ({ ...r, dollars: r.spend / 1_000_000 }));
  return (
    <div data-testid={testId}>
      <Chart title={title} height={Math.max(120, rows.length * 34 + 44)}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 12 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} horizontal={false} />
          <XAxis type="number" tick={AXIS} tickFormatter={dollars} />
          <YAxis type="category" dataKey="name" tick={AXIS} width={Math.min(160, Math.max(60, longest * 6.5))} />
          <Tooltip {...TOOLTIP} formatter={(value, _name, item) => [`${dollars(value)} · ${item.payload.requests} requests${item.payload.unpriced ? ` (${item.payload.unpriced} unpriced)` : ""}`, "spend"]} />
          <Bar dataKey="dollars" name="spend" fill="#059669" maxBarSize={22} radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </Chart>
      <ul className="sr-only">{rows.map((r) => <li key={r.name}>{r.name}: {usd(r.spend)}, {r.requests} requests</li>)}</ul>
    </div>
  );
}
