"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DailyUsage } from "@/lib/services/usage/usage-summary";

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

export function DailyCharts({ days }: { days: DailyUsage[] }) {
  const data = days.map((d) => ({ ...d, ok: d.requests - d.errors, day: d.day.slice(5) }));
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="usage-charts">
      <Chart title="Requests per day (30 days)">
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="day" tick={AXIS} interval={4} />
          <YAxis tick={AXIS} allowDecimals={false} width={32} />
          <Tooltip {...TOOLTIP} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="ok" name="succeeded" stackId="r" fill="#4f46e5" isAnimationActive={false} />
          <Bar dataKey="errors" name="errors" stackId="r" fill="#dc2626" isAnimationActive={false} />
        </BarChart>
      </Chart>
      <Chart title="Tokens per day">
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="day" tick={AXIS} interval={4} />
          <YAxis tick={AXIS} width={48} />
          <Tooltip {...TOOLTIP} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="promptTokens" name="prompt" stackId="t" fill="#0ea5e9" isAnimationActive={false} />
          <Bar dataKey="completionTokens" name="completion" stackId="t" fill="#22c55e" isAnimationActive={false} />
        </BarChart>
      </Chart>
    </div>
  );
}

/** One bar per name; the chart grows with the rows instead of stretching one bar across it. */
export function BreakdownChart({ title, rows }: { title: string; rows: Array<{ name: string; requests: number }> }) {
  const longest = Math.max(0, ...rows.map((r) => r.name.length));
  return (
    <Chart title={title} height={Math.max(120, rows.length * 34 + 44)}>
      <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 12 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} horizontal={false} />
        <XAxis type="number" tick={AXIS} allowDecimals={false} />
        <YAxis type="category" dataKey="name" tick={AXIS} width={Math.min(160, Math.max(60, longest * 6.5))} />
        <Tooltip {...TOOLTIP} />
        <Bar dataKey="requests" name="requests" fill="#4f46e5" maxBarSize={22} radius={[0, 3, 3, 0]} isAnimationActive={false} />
      </BarChart>
    </Chart>
  );
}
