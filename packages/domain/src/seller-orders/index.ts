// The seller's order parts from every warehouse (portal "Orders"; also meant for the Seller API,
// which passes { sellerId } of its key instead of the signed-in user).
export { decodeCursor, encodeCursor } from "./cursor.ts";
export { getOrderPart, getSellerOrderPart, type SellerOrderPartDetail } from "./get-seller-order-part.ts";
export { dayRange, listSellerOrderPartsInput, MAX_RANGE_DAYS, sellerOrderPartInput, type ListSellerOrderPartsInput, type SellerOrderPartInput } from "./inputs.ts";
export { listOrderParts, listSellerOrderParts, type SellerOrderPartPage, type SellerOrderPartRow } from "./list-seller-order-parts.ts";
export { cancelOrderPart, cancelOrderPartInput, cancelRefusal, type CancelOrderPartInput } from "./cancel-part.ts";
export { ORDER_NOT_FOUND, partScope, type SellerAccess } from "./scope.ts";
export {
  confirmOrderPart,
  confirmOrderPartInput,
  confirmRefusal,
  deliverOrderPart,
  packOrderPart,
  shipOrderPart,
  shipOrderPartInput,
  type SellerOrderAccess,
  type SellerOrderActionResult,
  type ShipOrderPartInput,
} from "./actions.ts";
