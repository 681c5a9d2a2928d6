import { checkHealth } from "@market/domain/system";
import { publicProcedure, router } from "../trpc.ts";

export const systemRouter = router({
  health: publicProcedure.query(() => checkHealth()),
});
