import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { afterSignUpPath } from "@/lib/auth/after-sign-up";
import { currentUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Sign up" };

type SearchParams = Promise<{ ref?: string; callbackUrl?: string; plan?: string }>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const { ref, callbackUrl, plan } = await searchParams;
  const destination = afterSignUpPath({ plan, callbackUrl });
  // Someone already signed in ("Start free", "Choose Pro") goes on to where sign-up would lead.
  if (await currentUser()) redirect(destination);
  const signInHref = destination !== "/dashboard" ? `/signin?callbackUrl=${encodeURIComponent(destination)}` : "/signin";
  return (
    <main className="mx-auto w-full max-w-md px-4 py-12 sm:py-20">
      <div className="card p-6 sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight">Create your account</h1>
        <p className="muted mt-1 mb-6 text-sm">Free plan: 100 messages a month. No card needed.</p>
        <AuthForm mode="signup" referralCode={ref} callbackUrl={destination} />
      </div>
      <p className="muted mt-6 text-center text-sm">
        Already have an account? <Link href={signInHref} className="link">Sign in</Link>
      </p>
    </main>
  );
}
