import type { Metadata } from "next";
import { signOut } from "@market/auth";
import { Button } from "@market/ui";

export const metadata: Metadata = { title: "Sign out" };

export default function SignOutPage() {
  async function signOutAction() {
    "use server";
    await signOut({ redirectTo: "/" });
  }
  return (
    <form action={signOutAction} className="mx-auto flex max-w-sm flex-col gap-4 py-8">
      <h1 className="text-2xl font-bold">Sign out</h1>
      <p className="text-muted">You will be signed out of the seller portal and the store.</p>
      <Button type="submit">Sign out</Button>
    </form>
  );
}
