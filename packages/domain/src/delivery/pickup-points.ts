import { getPrisma } from "@market/db";
import { pickupPointIdInput, pickupPointsInput, type PickupPointIdInput, type PickupPointsInput } from "./schemas.ts";

export type PickupPointView = {
  id: string;
  name: string;
  city: string;
  address: string;
  openingHours: string;
  deliveryDays: number;
};

const select = { id: true, name: true, city: true, address: true, openingHours: true, deliveryDays: true } as const;

/** Cities with open pickup points, alphabetically, with how many each has. */
export async function listPickupCities(): Promise<{ city: string; count: number }[]> {
  const groups = await getPrisma().pickupPoint.groupBy({ by: ["city"], where: { isActive: true }, _count: { _all: true }, orderBy: { city: "asc" } });
  return groups.map((g) => ({ city: g.city, count: g._count._all }));
}

/** Open pickup points in one city. */
export async function listPickupPoints(input: PickupPointsInput): Promise<PickupPointView[]> {
  const { city } = pickupPointsInput.parse(input);
  return getPrisma().pickupPoint.findMany({ where: { city, isActive: true }, select, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/** One open pickup point, or null (unknown, closed since it was chosen, or not an id at all). */
export async function getPickupPoint(input: PickupPointIdInput): Promise<PickupPointView | null> {
  const parsed = pickupPointIdInput.safeParse(input);
  if (!parsed.success) return null;
  return getPrisma().pickupPoint.findFirst({ where: { id: parsed.data.pickupPointId, isActive: true }, select });
}
