import { z } from "zod";

export const productListInput = z.object({
  sort: z.enum(["popular", "newest"]).default("popular"),
  limit: z.number().int().min(1).max(60).default(24),
});
export type ProductListInput = z.input<typeof productListInput>;
