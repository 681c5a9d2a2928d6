// Development secrets: generated once per checkout and kept under .data/ (git-ignored), so a
// fresh clone runs without configuration while production must set real values.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "@market/db/paths";

type DevSecrets = { AUTH_SECRET: string };

export function devSecrets(): DevSecrets {
  const file = path.join(dataDir("secrets"), "dev-secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as DevSecrets;
  mkdirSync(path.dirname(file), { recursive: true });
  const secrets = { AUTH_SECRET: randomBytes(32).toString("base64url") };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
