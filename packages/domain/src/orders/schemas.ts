import { z } from "zod";

export const orderNumberInput = z.object({ number: z.string().trim().regex(/^[A-Z]-[0-9A-Z-]{3,30}$/, "Unknown order number") });
export type OrderNumberInput = z.input<typeof orderNumberInput>;

export const listOrdersInput = z.object({
  cursor: z.string().uuid().nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type ListOrdersInput = z.input<typeof listOrdersInput>;
