import type { Metadata } from "next";
import { ChangeEmailForm, ChangePasswordForm, DeleteAccountForm } from "@/components/settings-forms";
import { requireUser } from "@/lib/auth/current-user";
import { currentSubscription } from "@/lib/services/billing/billing-overview";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser("/dashboard/settings");
  const subscription = await currentSubscription(user.id);
  const subscribed = Boolean(subscription && !["canceled", "incomplete_expired"].includes(subscription.status));
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="muted mt-1 text-sm">Your sign-in details and your account.</p>
      </header>

      <section className="card space-y-4" aria-labelledby="settings-email">
        <div>
          <h2 id="settings-email" className="text-lg font-semibold">Email</h2>
          <p className="muted mt-1 text-sm">You sign in with <strong className="font-medium text-zinc-900 dark:text-zinc-100" data-testid="settings-email">{user.email}</strong>.</p>
        </div>
        <ChangeEmailForm />
      </section>

      <section className="card space-y-4" aria-labelledby="settings-password">
        <div>
          <h2 id="settings-password" className="text-lg font-semibold">Password</h2>
          <p className="muted mt-1 text-sm">Changing it signs out every other browser and device; this one stays signed in.</p>
        </div>
        <ChangePasswordForm email={user.email} />
      </section>

      <section className="card space-y-4 border-red-200 dark:border-red-900/70" aria-labelledby="settings-delete">
        <div>
          <h2 id="settings-delete" className="text-lg font-semibold text-red-700 dark:text-red-400">Delete account</h2>
          <p className="muted mt-1 text-sm">
            This deletes your provider credentials, API tokens, management keys and usage history{subscribed ? ", and cancels your subscription at once" : ""}. It cannot be undone.
          </p>
        </div>
        <DeleteAccountForm email={user.email} />
      </section>
    </div>
  );
}
