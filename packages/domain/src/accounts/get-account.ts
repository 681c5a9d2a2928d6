import { getPrisma } from "@market/db";
import { AppError } from "../errors.ts";

/** The signed-in person's own account, with the shops they belong to. */
export async function getAccount(userId: string) {
  const user = await getPrisma().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      createdAt: true,
      sellerMemberships: { select: { role: true, seller: { select: { id: true, name: true, slug: true, status: true } } } },
    },
  });
  if (!user) throw new AppError("NOT_FOUND", "Your account no longer exists. Please sign in again.");
  return user;
}
