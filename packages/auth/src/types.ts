export type Role = "CUSTOMER" | "SELLER" | "ADMIN";
export type SessionUser = { id: string; email: string; name: string; role: Role };
