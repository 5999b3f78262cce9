import { requireUser } from "@/lib/auth/current-user";
import { describeAuthorizationRequest } from "@/lib/services/oauth-apps/authorization-request";
import { approveApp, declineApp } from "./actions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** An app asks for a key (OAuth PKCE): the signed-in user sees which app, and approves or declines. */
export default async function AuthorizeAppPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const query = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const user = await requireUser(`/auth?${query.toString()}`);
  const request = describeAuthorizationRequest(query);

  if (!request.ok) {
    return (
      <main className="mx-auto max-w-md px-4 py-16">
        <h1 className="text-2xl font-semibold">This link cannot be used</h1>
        <p className="mt-4 text-red-600 dark:text-red-400" role="alert">{request.error}</p>
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold">Connect an app</h1>
      <p className="mt-4">
        <strong data-testid="app-origin">{request.origin}</strong> is asking for an API key to your OauthRouter
        account <strong>{user.email}</strong>.
      </p>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        The app will be able to send requests through your providers and use your monthly messages. You can disable or
        delete its key at any time from My API.
      </p>
      <div className="mt-8 flex gap-3">
        {[approveApp, declineApp].map((action) => (
          <form key={action.name} action={action}>
            <input type="hidden" name="callback_url" value={request.callbackUrl} />
            <input type="hidden" name="code_challenge" value={request.codeChallenge ?? ""} />
            <input type="hidden" name="code_challenge_method" value={request.codeChallengeMethod ?? ""} />
            <button
              type="submit"
              className={
                action === approveApp
                  ? "rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500"
                  : "rounded-md border border-zinc-300 px-4 py-2 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
              }
            >
              {action === approveApp ? "Approve" : "Decline"}
            </button>
          </form>
        ))}
      </div>
    </main>
  );
}
