import type { Metadata } from "next";
import Link from "next/link";
import { AuthForm } from "@/components/auth-form";

export const metadata: Metadata = { title: "Sign up" };

type SearchParams = Promise<{ ref?: string; callbackUrl?: string }>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const { ref, callbackUrl } = await searchParams;
  const signInHref = callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin";
  return (
    <main className="mx-auto w-full max-w-md px-4 py-12 sm:py-20">
      <div className="card p-6 sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight">Create your account</h1>
        <p className="muted mt-1 mb-6 text-sm">Free plan: 100 messages a month. No card needed.</p>
        <AuthForm mode="signup" referralCode={ref} callbackUrl={callbackUrl} />
      </div>
      <p className="muted mt-6 text-center text-sm">
        Already have an account? <Link href={signInHref} className="link">Sign in</Link>
      </p>
    </main>
  );
}
