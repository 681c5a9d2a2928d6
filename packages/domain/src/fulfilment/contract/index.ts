// The warehouse contract alone (signatures, payload schemas, configuration), without the
// domain's database code: what the warehouse simulator, a separate deployable, depends on.
export { warehouseConfig, type WarehouseConfig } from "../config.ts";
export * from "../warehouse-contract.ts";
