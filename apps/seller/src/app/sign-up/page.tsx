import type { Metadata } from "next";
import { SignUpForm } from "@market/web/auth-forms";

export const metadata: Metadata = { title: "Become a seller" };

export default function SellerSignUpPage() {
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-6 rounded-2xl bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold">Become a seller</h1>
      <SignUpForm accountType="seller" redirectTo="/" signInHref="/sign-in" />
    </div>
  );
}
