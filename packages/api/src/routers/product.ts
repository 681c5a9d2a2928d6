import { getProductPage, productSlugInput } from "@market/domain/catalog";
import { publicProcedure, router } from "../trpc.ts";

export const productRouter = router({
  /** The product page's data; NOT_FOUND for unknown or unpublished products. */
  page: publicProcedure.input(productSlugInput).query(({ input }) => getProductPage(input)),
});
