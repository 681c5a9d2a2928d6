// Search and category listings (one procedure: a category page is a search without text), and
// suggestions for the header's search box. Public: anyone may browse the catalogue.
import { getSearchEngine, searchQueryInput, suggestInput } from "@market/domain/search";
import { publicProcedure, router } from "../trpc.ts";

/** Products offered while typing; categories and query completions come on top. */
const SUGGESTED_PRODUCTS = 5;

export const searchRouter = router({
  search: publicProcedure.input(searchQueryInput).query(({ input }) => getSearchEngine().search(input)),
  suggest: publicProcedure.input(suggestInput).query(({ input }) => getSearchEngine().suggest(input.q, SUGGESTED_PRODUCTS)),
});
