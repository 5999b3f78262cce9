import type { Metadata } from "next";
import Link from "next/link";
import { AuthForm } from "@/components/auth-form";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<{ callbackUrl?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl } = await searchParams;
  const signUpHref = callbackUrl ? `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signup";
  return (
    <main className="mx-auto w-full max-w-md px-4 py-12 sm:py-20">
      <div className="card p-6 sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
        <p className="muted mt-1 mb-6 text-sm">Welcome back. Your token and providers are waiting.</p>
        <AuthForm mode="signin" callbackUrl={callbackUrl} />
      </div>
      <p className="muted mt-6 text-center text-sm">
        No account yet? <Link href={signUpHref} className="link">Sign up free</Link>
      </p>
    </main>
  );
}
