import { z } from "zod";

const trimmed = (max: number, message: string) => z.string().trim().min(1, message).max(max, `At most ${max} characters`);

export const courierAddressSchema = z.object({
  city: trimmed(100, "Enter the city"),
  street: trimmed(200, "Enter the street and house"),
  apartment: z.string().trim().max(20, "At most 20 characters").optional().default(""),
  postcode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z -]{0,12}$/, "Enter a valid postcode")
    .optional()
    .default(""),
  comment: z.string().trim().max(300, "At most 300 characters").optional().default(""),
});
export type CourierAddress = z.output<typeof courierAddressSchema>;

export const deliveryChoiceSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("PICKUP"), pickupPointId: z.uuid("Choose a pickup point from the list") }),
  z.object({ method: z.literal("COURIER"), address: courierAddressSchema }),
]);
export type DeliveryChoice = z.output<typeof deliveryChoiceSchema>;

export const contactSchema = z.object({
  name: trimmed(100, "Enter the recipient's name"),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{6,19}$/, "Enter a phone number, e.g. +7 900 123-45-67"),
  email: z.email("Enter a valid email address").max(254),
});

/**
 * Everything the shopper chooses at checkout. The lines and prices are not here on purpose: they
 * come from the shopper's cart and the catalogue on the server. Unknown keys (a client sending
 * a price or a total) are dropped by zod.
 */
export const placeOrderInput = z.object({
  /** Chosen once per checkout page; the same key always means the same order. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "Reload the checkout page and try again"),
  delivery: deliveryChoiceSchema,
  contact: contactSchema,
});
export type PlaceOrderInput = z.input<typeof placeOrderInput>;

/** The preview only needs to know where the parcels go, not the whole address. */
export const checkoutPreviewInput = z.object({
  delivery: z
    .discriminatedUnion("method", [
      z.object({ method: z.literal("PICKUP"), pickupPointId: z.uuid("Choose a pickup point from the list") }),
      z.object({ method: z.literal("COURIER"), city: z.string().trim().max(100) }),
    ])
    .optional(),
});
export type CheckoutPreviewInput = z.input<typeof checkoutPreviewInput>;
