"use client";

import { useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";

/**
 * A submit button with a confirm step, placed inside a server-action form: the first click asks,
 * "Yes" submits, and the question closes again once the action has finished. Keyboard users land
 * on "Cancel" when it asks (Escape also cancels) and back on the button when it closes.
 */
export function ConfirmSubmit({ label, confirmLabel, warning, className = "btn btn-secondary btn-sm" }: { label: string; confirmLabel: string; warning?: string; className?: string }) {
  const [armed, setArmed] = useState(false);
  const { pending } = useFormStatus();
  const wasPending = useRef(false);
  const wasArmed = useRef(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (wasPending.current && !pending) setArmed(false);
    wasPending.current = pending;
  }, [pending]);
  useEffect(() => {
    if (armed) cancel.current?.focus();
    else if (wasArmed.current && document.activeElement === document.body) trigger.current?.focus();
    wasArmed.current = armed;
  }, [armed]);

  if (!armed) {
    return <button ref={trigger} type="button" onClick={() => setArmed(true)} className={className}>{label}</button>;
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2" role="group" aria-label={label} onKeyDown={(e) => e.key === "Escape" && setArmed(false)}>
      {warning && <span className="text-sm text-amber-700 dark:text-amber-400">{warning}</span>}
      <button type="submit" disabled={pending} className="btn btn-danger btn-sm">{pending ? "Working…" : confirmLabel}</button>
      <button ref={cancel} type="button" disabled={pending} onClick={() => setArmed(false)} className="btn btn-secondary btn-sm">Cancel</button>
    </span>
  );
}
