import { getPrisma, Prisma, Role } from "@market/db";
import { AppError } from "../errors.ts";
import { hashPassword } from "./password.ts";
import { signUpInput, type SignUpInput } from "./schemas.ts";

export type SignedUpUser = { id: string; email: string; name: string; role: Role };

/** Creates a shopper or seller account. Sellers create their shop afterwards, in onboarding. */
export async function signUp(input: SignUpInput): Promise<SignedUpUser> {
  const { name, email, password, accountType } = signUpInput.parse(input);
  if (password.toLowerCase() === email) {
    throw new AppError("BAD_REQUEST", "Choose a password that is not your email address", {
      fields: { password: "Choose a password that is not your email address" },
    });
  }
  const passwordHash = await hashPassword(password);
  try {
    return await getPrisma().user.create({
      data: { name, email, passwordHash, role: accountType === "seller" ? Role.SELLER : Role.CUSTOMER },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", {
        fields: { email: "An account with this email already exists" },
      });
    }
    throw error;
  }
}
