// How far along a seller part is: the one ordering of FulfilmentStatus that the state machine,
// the shopper's status and the seller's lists share. CANCELLED and RETURNED are outside it.
import { FulfilmentStatus } from "@market/db";

export const FULFILMENT_PROGRESS = [
  FulfilmentStatus.AWAITING_PAYMENT,
  FulfilmentStatus.NEW,
  FulfilmentStatus.ACCEPTED,
  FulfilmentStatus.PICKING,
  FulfilmentStatus.PACKED,
  FulfilmentStatus.SHIPPED,
  FulfilmentStatus.READY_FOR_PICKUP,
  FulfilmentStatus.DELIVERED,
] as const;

/** The statuses of a paid part, in the order they come. */
export const [, ...PAID_PART_PROGRESS] = FULFILMENT_PROGRESS;

/** -1 for CANCELLED and RETURNED. */
export const progressOf = (status: FulfilmentStatus): number => (FULFILMENT_PROGRESS as readonly FulfilmentStatus[]).indexOf(status);
