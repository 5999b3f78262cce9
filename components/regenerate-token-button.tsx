import { regenerateTokenAction } from "@/app/dashboard/actions";
import { ConfirmSubmit } from "./confirm-submit";

export function RegenerateTokenButton() {
  return (
    <form action={regenerateTokenAction}>
      <ConfirmSubmit label="Regenerate token" confirmLabel="Yes, regenerate" warning="Apps using the current token stop working at once." />
    </form>
  );
}
