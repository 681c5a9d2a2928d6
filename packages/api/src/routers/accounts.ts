import { getAccount, signUp, signUpInput } from "@market/domain/accounts";
import { publicProcedure, router, signedInProcedure } from "../trpc.ts";

export const accountsRouter = router({
  signUp: publicProcedure.input(signUpInput).mutation(({ input }) => signUp(input)),
  me: signedInProcedure.query(({ ctx }) => getAccount(ctx.user.id)),
});
