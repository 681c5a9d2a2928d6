import { listMyShops } from "@market/domain/sellers";
import { router, sellerProcedure } from "../trpc.ts";

export const sellersRouter = router({
  myShops: sellerProcedure.query(({ ctx }) => listMyShops(ctx.user.id)),
});
