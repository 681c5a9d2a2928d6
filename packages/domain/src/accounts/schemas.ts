// Account input schemas, shared by the forms, the tRPC procedures and the auth provider.
import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Enter your email address")
  .max(254, "That email address is too long")
  .email("Enter a valid email address, like name@example.com");

export const passwordSchema = z
  .string()
  .min(8, "Use at least 8 characters")
  .max(128, "Use at most 128 characters");

export const signUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
  email: emailSchema,
  password: passwordSchema,
  accountType: z.enum(["customer", "seller"]).default("customer"),
});
export type SignUpInput = z.input<typeof signUpInput>;

export const credentialsInput = z.object({
  email: emailSchema,
  // No length rule on sign-in beyond a sane bound: a rule change must not lock people out.
  password: z.string().min(1, "Enter your password").max(128),
});
export type CredentialsInput = z.infer<typeof credentialsInput>;
