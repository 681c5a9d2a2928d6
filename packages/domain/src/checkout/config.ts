// Checkout settings with their defaults. Read at call time so tests and deployments can change
// them through the environment.

/** How long placed-but-unpaid orders hold their stock (RESERVATION_TTL_MINUTES, default 15). */
export function reservationTtlMinutes(): number {
  const raw = Number(process.env.RESERVATION_TTL_MINUTES);
  return Number.isFinite(raw) && raw > 0 ? raw : 15;
}

/** Courier delivery fee in minor units by currency; pickup points are free. */
export const COURIER_FEE_MINOR: Record<string, number> = { RUB: 199_00, KZT: 1_490_00, BYN: 9_00, USD: 4_99, EUR: 4_99 };

/** Days a courier needs in the warehouse's own city; one more from another city. */
export const COURIER_DAYS = 1;
