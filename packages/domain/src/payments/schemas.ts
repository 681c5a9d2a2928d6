import { z } from "zod";

/** An order number as shown to people ("M-2611-48213"). */
export const orderNumberSchema = z
  .string()
  .trim()
  .min(1, "Enter an order number")
  .max(40, "At most 40 characters")
  .regex(/^[A-Za-z0-9-]+$/, "Enter an order number like M-2611-48213");

export const orderNumberInput = z.object({ number: orderNumberSchema });
export type OrderNumberInput = z.infer<typeof orderNumberInput>;
