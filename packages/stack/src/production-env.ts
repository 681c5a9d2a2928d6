// The environment the apps and the worker get when the scripts run their production builds
// (`pnpm test`'s end-to-end phase, `pnpm bench:search`): one place, so both run the apps the
// way they are deployed.
import { randomBytes } from "node:crypto";

export function productionAppEnv({ databaseUrl, filesDir }: { databaseUrl: string; filesDir: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    FILES_DIR: filesDir,
    // A fresh secret per run: sessions from an earlier run must not be valid. Both apps get the
    // same one from the same object, as they must to share a session.
    AUTH_SECRET: randomBytes(32).toString("base64url"),
  };
}
