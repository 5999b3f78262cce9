"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DailyUsage } from "@/lib/services/usage/usage-summary";

const AXIS = { fontSize: 11, fill: "currentColor" };

function Chart({ title, children }: { title: string; children: React.ReactElement }) {
  return (
    <figure className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      <div className="h-56 text-zinc-500">
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
          <Tooltip />
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
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="promptTokens" name="prompt" stackId="t" fill="#0ea5e9" isAnimationActive={false} />
          <Bar dataKey="completionTokens" name="completion" stackId="t" fill="#22c55e" isAnimationActive={false} />
        </BarChart>
      </Chart>
    </div>
  );
}

export function BreakdownChart({ title, rows }: { title: string; rows: Array<{ name: string; requests: number }> }) {
  return (
    <Chart title={title}>
      <BarChart data={rows} layout="vertical" margin={{ left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis type="number" tick={AXIS} allowDecimals={false} />
        <YAxis type="category" dataKey="name" tick={AXIS} width={130} />
        <Tooltip />
        <Bar dataKey="requests" fill="#4f46e5" isAnimationActive={false} />
      </BarChart>
    </Chart>
  );
}
