export { hashPassword, verifyPassword } from "./password.ts";
export * from "./schemas.ts";
export { signUp, type SignedUpUser } from "./sign-up.ts";
export { authenticateWithPassword, assertSignInAllowed, type AuthenticatedUser } from "./sign-in.ts";
export { getAccount } from "./get-account.ts";
