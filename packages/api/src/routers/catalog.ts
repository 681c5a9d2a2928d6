import { getCategory, listCategoryTree, listProducts, listProductsByIds, productListInput, productsByIdsInput } from "@market/domain/catalog";
import { z } from "zod";
import { publicProcedure, router } from "../trpc.ts";

export const catalogRouter = router({
  products: publicProcedure.input(productListInput).query(({ input }) => listProducts(input)),
  categories: publicProcedure.query(() => listCategoryTree()),
  productsByIds: publicProcedure.input(productsByIdsInput).query(({ input }) => listProductsByIds(input)),
  category: publicProcedure.input(z.object({ slug: z.string().min(1).max(100) })).query(({ input }) => getCategory(input.slug)),
});
