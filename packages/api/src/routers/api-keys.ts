import { createApiKey, createApiKeyInput, listApiKeys, listApiKeysInput, revokeApiKey, revokeApiKeyInput } from "@market/domain/sellers";
import { router, sellerProcedure } from "../trpc.ts";

/** The seller's API keys for the Seller REST API; membership of the shop is checked in the domain. */
export const apiKeysRouter = router({
  list: sellerProcedure.input(listApiKeysInput).query(({ ctx, input }) => listApiKeys(ctx.user.id, input)),
  create: sellerProcedure.input(createApiKeyInput).mutation(({ ctx, input }) => createApiKey(ctx.user.id, input)),
  revoke: sellerProcedure.input(revokeApiKeyInput).mutation(({ ctx, input }) => revokeApiKey(ctx.user.id, input)),
});
