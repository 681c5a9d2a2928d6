// Generates the Prisma client. The client is Rust-free, but `prisma generate` still tries to
// download the native schema engine unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file;
// it never runs it, so any existing path will do (see docs: platform notes).
import { spawnSync } from "node:child_process";
import path from "node:path";

const packageDir = path.join(import.meta.dirname, "../..");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
const result = spawnSync("prisma", ["generate"], { cwd: packageDir, env, stdio: "inherit", shell: false });
process.exit(result.status ?? 1);
