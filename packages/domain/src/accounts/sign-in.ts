import { getPrisma, type Role } from "@market/db";
import { serverEnv } from "@market/config/env";
import { AppError } from "../errors.ts";
import { checkRateLimit, hitRateLimit, resetRateLimit } from "../rate-limit/index.ts";
import { verifyAgainstDummy, verifyPassword } from "./password.ts";
import { credentialsInput } from "./schemas.ts";

export type AuthenticatedUser = { id: string; email: string; name: string; role: Role };

function signInLimits(email: string, clientAddress: string) {
  const env = serverEnv();
  const windowSeconds = env.SIGN_IN_WINDOW_SECONDS;
  return [
    { key: `sign-in:account:${email}`, limit: env.SIGN_IN_MAX_FAILURES_PER_ACCOUNT, windowSeconds },
    { key: `sign-in:client:${clientAddress}`, limit: env.SIGN_IN_MAX_FAILURES_PER_CLIENT, windowSeconds },
  ];
}

/**
 * Throws RATE_LIMITED when this account or this client has failed too often recently.
 * Called before the password is checked, so a locked-out guess costs nothing and says nothing.
 */
export async function assertSignInAllowed(email: string, clientAddress: string): Promise<void> {
  for (const bucket of signInLimits(email.trim().toLowerCase(), clientAddress)) {
    const state = await checkRateLimit(bucket);
    if (!state.allowed) {
      throw new AppError("RATE_LIMITED", "Too many sign-in attempts. Please wait and try again.", {
        retryAfterSeconds: state.retryAfterSeconds,
      });
    }
  }
}

/**
 * Checks an email and password. Returns null for any failure, never saying whether the
 * account exists, and counts the failure against both the account and the client.
 */
export async function authenticateWithPassword(
  credentials: unknown,
  clientAddress: string,
): Promise<AuthenticatedUser | null> {
  const parsed = credentialsInput.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  await assertSignInAllowed(email, clientAddress);

  const user = await getPrisma().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  const valid = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  const limits = signInLimits(email, clientAddress);
  if (!user || !valid) {
    await Promise.all(limits.map((bucket) => hitRateLimit(bucket)));
    return null;
  }
  await resetRateLimit(limits[0]!.key);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
