export { listMyShops } from "./list-my-shops.ts";
export { getSellerProfile } from "./get-seller-profile.ts";
export {
  API_SCOPES,
  ApiScope,
  MAX_ACTIVE_API_KEYS,
  authenticateApiKey,
  createApiKey,
  createApiKeyInput,
  generateApiKey,
  hasScope,
  listApiKeys,
  listApiKeysInput,
  requireScope,
  revokeApiKey,
  revokeApiKeyInput,
  type ApiKeyPrincipal,
  type ApiKeySummary,
  type CreateApiKeyInput,
  type ListApiKeysInput,
  type RevokeApiKeyInput,
} from "./api-keys.ts";
export { createShop, createShopInput, INN_MESSAGE, isValidInn, MAX_OWNED_SHOPS, slugFromName, type CreatedShop, type CreateShopInput } from "./create-shop.ts";
export { getShopSettings, updateShop, updateShopInput, type ShopSettings, type UpdateShopInput } from "./update-shop.ts";
