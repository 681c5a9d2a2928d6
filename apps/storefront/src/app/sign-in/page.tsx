import type { Metadata } from "next";
import { SignInForm } from "@market/web/auth-forms";
import { safeRedirect } from "@market/web/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { callbackUrl, error } = await searchParams;
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-6 py-8">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <SignInForm
        redirectTo={safeRedirect(callbackUrl, "/")}
        signUpHref="/sign-up"
        initialError={error ? "That email and password do not match. Check them and try again." : null}
      />
    </div>
  );
}
