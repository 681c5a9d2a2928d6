import { listCategoryTree, listProducts, productListInput } from "@market/domain/catalog";
import { publicProcedure, router } from "../trpc.ts";

export const catalogRouter = router({
  products: publicProcedure.input(productListInput).query(({ input }) => listProducts(input)),
  categories: publicProcedure.query(() => listCategoryTree()),
});
