import type { FormResult } from "@/lib/errors/form-error";

/** A form's outcome under its fields: red for an error, green for a success message. */
export function FormNotice({ result, testId }: { result: FormResult; testId?: string }) {
  if (result.error) {
    return (
      <p role="alert" data-testid={testId} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700 dark:border-red-900 dark:bg-red-950/60 dark:text-red-300">
        {result.error}
      </p>
    );
  }
  if (!result.message) return null;
  return (
    <p role="status" data-testid={testId} className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200">
      {result.message}
    </p>
  );
}
