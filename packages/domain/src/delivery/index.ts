export * from "./schemas.ts";
export { listPickupCities, listPickupPoints, getPickupPoint, type PickupPointView } from "./pickup-points.ts";
export { estimateDelivery, addDays, type DeliveryEstimate, type VariantEstimate } from "./estimate-delivery.ts";
