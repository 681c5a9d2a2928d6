-- A reservation holds units of one stock row. Placing an order updates the stock and inserts its
-- reservations in one statement; with this key, a stock row that is missing fails that statement
-- instead of leaving a reservation of nothing (see reserveStock in packages/domain/src/checkout).
-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_variantId_warehouseId_fkey" FOREIGN KEY ("variantId", "warehouseId") REFERENCES "Stock"("variantId", "warehouseId") ON DELETE RESTRICT ON UPDATE CASCADE;
