"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { deleteCredentialAction, recheckCredentialAction, renameCredentialAction, reorderCredentialsAction, toggleCredentialAction } from "@/app/dashboard/actions";
import { ConfirmSubmit } from "./confirm-submit";
import { Notice } from "./notice";

interface Props {
  id: string;
  label: string;
  disabled: boolean;
  /** Offer "Check again" (marked by the provider, or never verified). */
  recheck: boolean;
}

/**
 * Up and down in the failover order (`moveUp`/`moveDown`: the whole order after that move, absent
 * at either end). The moved row keeps keyboard focus: on the button pressed, or
 * on the other one when the row reached an end and the pressed button went disabled.
 */
export function MoveButtons({ moveUp, moveDown }: { moveUp?: string; moveDown?: string }) {
  const [pending, start] = useTransition();
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const pressed = useRef<"up" | "down" | null>(null);
  useEffect(() => {
    if (pending || !pressed.current) return;
    const [first, second] = pressed.current === "up" ? [up.current, down.current] : [down.current, up.current];
    (first && !first.disabled ? first : second)?.focus();
    pressed.current = null;
  }, [pending, moveUp, moveDown]);
  const move = (direction: "up" | "down", order?: string) => {
    if (!order) return;
    pressed.current = direction;
    const form = new FormData();
    form.set("order", order);
    start(() => reorderCredentialsAction(form));
  };
  const button = "btn btn-secondary size-9 p-0 disabled:opacity-35";
  return (
    <div className="flex gap-1" role="group" aria-label="Failover order">
      <button ref={up} type="button" disabled={!moveUp || pending} onClick={() => move("up", moveUp)} title="Move up in failover order" aria-label="Move up in failover order" className={button}>↑</button>
      <button ref={down} type="button" disabled={!moveDown || pending} onClick={() => move("down", moveDown)} title="Move down in failover order" aria-label="Move down in failover order" className={button}>↓</button>
    </div>
  );
}

/** The label, edited in place: Enter saves, Escape cancels, focus comes back to "Rename". */
function RenameForm({ id, label, onDone }: { id: string; label: string; onDone: () => void }) {
  const [state, action, pending] = useActionState(renameCredentialAction, {});
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  useEffect(() => {
    if (state.ok) onDone();
  }, [state, onDone]);
  return (
    <form action={action} className="flex w-full flex-wrap items-center gap-2" onKeyDown={(e) => e.key === "Escape" && onDone()}>
      <input type="hidden" name="id" value={id} />
      <label className="sr-only" htmlFor={`label-${id}`}>New label</label>
      <input ref={input} id={`label-${id}`} name="label" defaultValue={label} required maxLength={80} aria-invalid={state.fields?.label ? true : undefined} className="input mt-0 w-full min-w-0 flex-1 sm:w-56 sm:flex-none" />
      <button type="submit" disabled={pending} className="btn btn-primary btn-sm">{pending ? "Saving…" : "Save"}</button>
      <button type="button" onClick={onDone} className="btn btn-secondary btn-sm">Cancel</button>
      {state.error && <span role="alert" className="w-full text-xs text-red-600 dark:text-red-400">{state.fields?.label ? "A label needs 1 to 80 characters." : state.error}</span>}
    </form>
  );
}

/** What a user can do to one credential besides reordering: rename, check again, disable or enable, delete. */
export function CredentialActions({ id, label, disabled, recheck }: Props) {
  const [renaming, setRenaming] = useState(false);
  // Kept here, not in the button: a passed check hides the button, and its message must stay.
  const [checked, recheckAction, checking] = useActionState(recheckCredentialAction, {});
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(false);
  useEffect(() => {
    if (wasRenaming.current && !renaming) renameButton.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);

  if (renaming) return <RenameForm id={id} label={label} onDone={() => setRenaming(false)} />;
  const outcome = checked.error ?? checked.warning ?? checked.message;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button ref={renameButton} type="button" onClick={() => setRenaming(true)} className="btn btn-secondary btn-sm">Rename</button>
      {recheck && (
        <form action={recheckAction}>
          <input type="hidden" name="id" value={id} />
          <button type="submit" disabled={checking} className="btn btn-secondary btn-sm">{checking ? "Checking…" : "Check again"}</button>
        </form>
      )}
      <form action={toggleCredentialAction}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="disabled" value={String(!disabled)} />
        <button type="submit" className="btn btn-secondary btn-sm">{disabled ? "Enable" : "Disable"}</button>
      </form>
      <form action={deleteCredentialAction} className="ml-auto">
        <input type="hidden" name="id" value={id} />
        <ConfirmSubmit label="Delete" confirmLabel="Yes, delete" warning="Delete this credential?" className="btn btn-danger btn-sm" />
      </form>
      {outcome && !checking && <Notice tone={checked.error ? "error" : checked.warning ? "warning" : "success"} testId="recheck-result" className="w-full">{outcome}</Notice>}
    </div>
  );
}
