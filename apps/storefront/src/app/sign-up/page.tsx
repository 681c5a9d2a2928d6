import type { Metadata } from "next";
import { SignUpForm } from "@market/web/auth-forms";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-6 py-8">
      <h1 className="text-2xl font-bold">Create an account</h1>
      <SignUpForm accountType="customer" redirectTo="/account" signInHref="/sign-in" />
    </div>
  );
}
