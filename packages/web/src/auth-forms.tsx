"use client";
// Sign-in and sign-up forms used by both apps.
import { Alert, Button, TextField } from "@market/ui";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { describeError, useTRPC } from "./trpc-client.tsx";

function minutes(seconds: number) {
  const m = Math.ceil(seconds / 60);
  return m <= 1 ? "a minute" : `${m} minutes`;
}

async function signInWithPassword(email: string, password: string): Promise<string | null> {
  const result = await signIn("credentials", { email, password, redirect: false });
  if (!result) return "Sign-in is not available right now. Please try again.";
  if (result.status === 429) {
    const retryAfter = Number(new URLSearchParams(result.url?.split("?")[1] ?? "").get("retryAfter")) || 0;
    return `Too many sign-in attempts. Please wait ${minutes(retryAfter || 900)} and try again.`;
  }
  if (result.error) return "That email and password do not match. Check them and try again.";
  return null;
}

// method="post": a form submitted before the page's JavaScript has loaded must never put the
// password in the URL (and so in logs and history).
export function SignInForm({ redirectTo, signUpHref, initialError }: { redirectTo: string; signUpHref: string; initialError?: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const problem = await signInWithPassword(String(form.get("email")), String(form.get("password")));
      if (problem) {
        setError(problem);
      } else {
        router.replace(redirectTo);
        router.refresh();
      }
    } catch {
      setError("We could not reach the server. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} method="post" className="flex flex-col gap-4" noValidate aria-label="Sign in">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" busy={busy}>Sign in</Button>
      <p className="text-center text-sm text-muted">
        New here? <Link className="font-medium text-brand-600 underline" href={signUpHref}>Create an account</Link>
      </p>
    </form>
  );
}

export function SignUpForm({ accountType, redirectTo, signInHref }: { accountType: "customer" | "seller"; redirectTo: string; signInHref: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const signUp = useMutation(trpc.accounts.signUp.mutationOptions());
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string> } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email"));
    const password = String(form.get("password"));
    setProblem(null);
    try {
      await signUp.mutateAsync({ name: String(form.get("name")), email, password, accountType });
    } catch (error) {
      setProblem(describeError(error));
      return;
    }
    const signInProblem = await signInWithPassword(email, password);
    if (signInProblem) {
      setProblem({ message: signInProblem, fields: {} });
      return;
    }
    router.replace(redirectTo);
    router.refresh();
  }

  const fields = problem?.fields ?? {};
  return (
    <form onSubmit={onSubmit} method="post" className="flex flex-col gap-4" noValidate aria-label="Create account">
      {problem ? <Alert tone="error">{problem.message}</Alert> : null}
      <TextField label="Name" name="name" autoComplete="name" required error={fields.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={fields.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters"
        error={fields.password}
      />
      <Button type="submit" busy={signUp.isPending}>
        {accountType === "seller" ? "Create seller account" : "Create account"}
      </Button>
      <p className="text-center text-sm text-muted">
        Already have an account? <Link className="font-medium text-brand-600 underline" href={signInHref}>Sign in</Link>
      </p>
    </form>
  );
}
