export { warehouseConfig, type WarehouseConfig } from "./config.ts";
export * from "./warehouse-contract.ts";
export { applyFulfilmentUpdate, canMove, isCancellable, progressOf, type FulfilmentUpdate, type FulfilmentUpdateOutcome } from "./apply-fulfilment-update.ts";
