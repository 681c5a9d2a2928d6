// Availability is computed one way everywhere: what is on hand minus what checkouts have
// reserved, summed over the warehouses that hold the variant.
export function availableUnits(stock: readonly { onHand: number; reserved: number }[]): number {
  return stock.reduce((total, row) => total + Math.max(0, row.onHand - row.reserved), 0);
}
