"use client";

import Form from "next/form";
import Link from "next/link";
import { useState } from "react";
import type { UsageJson } from "@/lib/services/usage/usage-json";

const RANGES = [["today", "Today"], ["7d", "7 days"], ["30d", "30 days"], ["month", "This month"], ["custom", "Custom"]] as const;

/** Range (in the viewer's time zone), key, model, provider and outcome: the page, its live data and the CSV follow them. */
export function UsageFilterForm({ usage, query }: { usage: UsageJson; query: URLSearchParams }) {
  const [range, setRange] = useState(usage.range.name);
  const filtered = ["key", "model", "provider", "status"].some((name) => query.get(name)) || usage.range.name !== "30d";
  return (
    <Form action="/dashboard/usage" key={query.toString()} className="card grid grid-cols-2 gap-2 p-3 text-sm sm:flex sm:flex-wrap sm:items-end" aria-label="Filter usage">
      <input type="hidden" name="tz" value={usage.range.timeZone} />
      <label className="field-label col-span-2 sm:w-36">
        Range
        <select name="range" value={range} onChange={(e) => setRange(e.target.value)} className="input">
          {RANGES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      {range === "custom" && (
        <>
          <label className="field-label">From<input type="date" name="from" required defaultValue={usage.range.fromDay} className="input" /></label>
          <label className="field-label">To<input type="date" name="to" required defaultValue={usage.range.toDay} className="input" /></label>
        </>
      )}
      <label className="field-label col-span-2 sm:w-44">
        Key
        <select name="key" defaultValue={query.get("key") ?? ""} className="input">
          <option value="">All keys</option>
          {usage.keys.map((k) => <option key={k.hash} value={k.hash}>{k.name}</option>)}
        </select>
      </label>
      <label className="field-label sm:w-56">Model<input name="model" placeholder="Any model" list="usage-models" defaultValue={query.get("model") ?? ""} className="input" /></label>
      <label className="field-label sm:w-36">Provider<input name="provider" placeholder="Any" list="usage-providers" defaultValue={query.get("provider") ?? ""} className="input" /></label>
      <datalist id="usage-models">{usage.byModel.map((m) => <option key={m.name} value={m.name} />)}</datalist>
      <datalist id="usage-providers">{usage.byProvider.map((p) => <option key={p.name} value={p.name} />)}</datalist>
      <label className="field-label sm:w-36">
        Status
        <select name="status" defaultValue={query.get("status") ?? ""} className="input">
          <option value="">Any status</option>
          <option value="ok">Succeeded</option>
          <option value="error">Failed</option>
        </select>
      </label>
      <div className="col-span-2 flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary">Apply</button>
        {filtered && <Link href={`/dashboard/usage?tz=${encodeURIComponent(usage.range.timeZone)}`} className="btn btn-secondary">Clear</Link>}
        <a href={`/dashboard/usage/export?${query}`} download className="btn btn-secondary" data-testid="usage-csv">Download CSV</a>
      </div>
    </Form>
  );
}
