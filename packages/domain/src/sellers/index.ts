export { listMyShops } from "./list-my-shops.ts";
export { getSellerProfile } from "./get-seller-profile.ts";
