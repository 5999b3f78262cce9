import { setStrategyAction } from "@/app/dashboard/actions";
import { API_STRATEGIES } from "@/lib/services/api-keys/strategy-names";

const EXPLAIN: Record<(typeof API_STRATEGIES)[number], string> = {
  latest: "the most recently added credential that can serve the model",
  random: "a random credential each time",
  "round-robin": "each credential in turn, shared by every server",
  failover: "your order in Providers; the next one only on failure",
  "least-used": "the credential with the fewest requests in the last minute",
};

export function StrategyForm({ current }: { current: (typeof API_STRATEGIES)[number] }) {
  return (
    <form action={setStrategyAction} className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <label className="field-label min-w-0 flex-1 sm:max-w-xl">
        Routing strategy
        <select name="strategy" defaultValue={current} className="input">
          {API_STRATEGIES.map((s) => <option key={s} value={s}>{s} — {EXPLAIN[s]}</option>)}
        </select>
      </label>
      <button type="submit" className="btn btn-secondary self-start sm:self-auto">Save</button>
    </form>
  );
}
