// Keyset cursor for "newest first" lists: the last row's creation time and id, opaque to clients.
// Unlike an offset it stays correct while new orders arrive at the top.
import { AppError } from "../errors.ts";

export type Keyset = { createdAt: Date; id: string };

export const encodeCursor = ({ createdAt, id }: Keyset) => Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");

export function decodeCursor(cursor: string): Keyset {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new AppError("BAD_REQUEST", "This page link is no longer valid. Go back to the newest orders.");
  }
  return { createdAt, id };
}
