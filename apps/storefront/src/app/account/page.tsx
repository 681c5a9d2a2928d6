import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@market/auth";
import { serverCaller } from "@market/web/trpc-server";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  if (!(await getSessionUser())) redirect("/sign-in?callbackUrl=/account");
  const api = await serverCaller("storefront");
  const account = await api.accounts.me();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Hello, {account.name}</h1>
      <dl className="grid max-w-md grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-muted">Email</dt>
        <dd>{account.email}</dd>
        <dt className="text-muted">Member since</dt>
        <dd>{account.createdAt.toLocaleDateString("en-GB", { dateStyle: "long" })}</dd>
      </dl>
    </div>
  );
}
