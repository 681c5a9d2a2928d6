// The container images, and the rules every Dockerfile must keep. No Docker engine runs on the
// development machines or in CI, so the images are checked statically here (images.test.ts) and
// their build outputs are checked after `pnpm build` (`pnpm --filter @market/deploy check:images`,
// run by the test pipeline right after its build).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { copies, execForm, parseDockerfile, type Dockerfile } from "./dockerfile.ts";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export type Image = {
  app: "storefront" | "seller" | "worker" | "warehouse-simulator";
  /** next: a standalone Next.js build; tsx: TypeScript sources run with tsx. */
  kind: "next" | "tsx";
  port: number;
  /** What probes and the HEALTHCHECK ask for. */
  healthPath: string;
  /** The source file that answers healthPath (so a renamed route breaks the check). */
  healthSource: string;
};

export const images: readonly Image[] = [
  { app: "storefront", kind: "next", port: 3000, healthPath: "/api/health", healthSource: "apps/storefront/src/app/api/health/route.ts" },
  { app: "seller", kind: "next", port: 3001, healthPath: "/api/health", healthSource: "apps/seller/src/app/api/health/route.ts" },
  { app: "worker", kind: "tsx", port: 3003, healthPath: "/api/health", healthSource: "apps/worker/src/ops-server.ts" },
  { app: "warehouse-simulator", kind: "tsx", port: 3002, healthPath: "/health", healthSource: "apps/warehouse-simulator/src/server.ts" },
];

export function dockerfilePath(image: Image, root = repoRoot): string {
  return path.join(root, "apps", image.app, "Dockerfile");
}

export function readDockerfile(image: Image, root = repoRoot): Dockerfile {
  return parseDockerfile(readFileSync(dockerfilePath(image, root), "utf8"));
}

const PINNED_IMAGE = /^[\w./-]+(?::\d+\.\d+\.\d+[\w.-]*)?(?:@sha256:[a-f0-9]{64})?$/;

/** Every broken rule of one image's Dockerfile, in words (empty when it keeps them all). */
export function dockerfileProblems(image: Image, root = repoRoot): string[] {
  const problems: string[] = [];
  const file = readDockerfile(image, root);
  const { stages } = file;
  const runtime = stages.at(-1);
  if (stages.length < 2 || !runtime) return [`${image.app}: not a multi-stage build (${stages.length} stage)`];

  for (const stage of stages) {
    if (stages.indexOf(stage) > 0 && stages.some((s) => s.name === stage.image)) continue; // FROM an earlier stage
    const pinned = PINNED_IMAGE.test(stage.image) && (/:\d+\.\d+\.\d+/.test(stage.image) || stage.image.includes("@sha256:"));
    if (!pinned) problems.push(`${image.app}: base image ${stage.image} is not pinned to an exact version or digest`);
  }
  if (stages.some((s) => s.image.endsWith(":latest"))) problems.push(`${image.app}: uses a :latest image`);

  const all = stages.flatMap((s) => s.instructions);
  const installs = all.filter((i) => i.keyword === "RUN" && /\bpnpm install\b/.test(i.args));
  if (installs.length === 0 || installs.some((i) => !i.args.includes("--frozen-lockfile"))) {
    problems.push(`${image.app}: dependencies must be installed with pnpm install --frozen-lockfile`);
  }

  const users = runtime.instructions.filter((i) => i.keyword === "USER");
  const user = users.at(-1)?.args;
  const uid = user ? Number(user.split(":")[0]) : NaN;
  if (!Number.isInteger(uid) || uid === 0) problems.push(`${image.app}: the final stage must run as a numeric non-root USER (has ${user ?? "none"})`);

  const health = runtime.instructions.filter((i) => i.keyword === "HEALTHCHECK");
  if (health.length !== 1 || !health[0]!.args.includes(image.healthPath) || !health[0]!.args.includes(String(image.port))) {
    problems.push(`${image.app}: the final stage needs one HEALTHCHECK asking ${image.healthPath} on port ${image.port}`);
  }
  if (!existsSync(path.join(root, image.healthSource))) problems.push(`${image.app}: ${image.healthSource}, which answers ${image.healthPath}, is missing`);

  const exposed = runtime.instructions.filter((i) => i.keyword === "EXPOSE").map((i) => i.args);
  if (!exposed.includes(String(image.port))) problems.push(`${image.app}: the final stage must EXPOSE ${image.port}`);

  const cmd = runtime.instructions.filter((i) => i.keyword === "CMD").at(-1);
  const command = cmd ? execForm(cmd.args) : undefined;
  // Exec form: node is PID 1 and gets SIGTERM itself (a shell would swallow it).
  if (!command || command[0] !== "node") problems.push(`${image.app}: CMD must be the exec form starting node`);

  // Whatever the build context provides must be in the repository.
  for (const copy of stages.flatMap(copies)) {
    if (copy.from) continue;
    for (const source of copy.sources) {
      if (source !== "." && !existsSync(path.join(root, source))) problems.push(`${image.app}: COPY ${source} (line ${copy.line}) is not in the repository`);
    }
  }

  if (image.kind === "next") problems.push(...nextProblems(image, file, root));
  else {
    if (!command?.includes("tsx") || !existsSync(path.join(root, "apps", image.app, command.at(-1)!))) {
      problems.push(`${image.app}: CMD must run an existing source file with tsx`);
    }
    // The image keeps production dependencies only, and `--import tsx` resolves from the app's folder.
    const manifest = JSON.parse(readFileSync(path.join(root, "apps", image.app, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
    if (!manifest.dependencies?.tsx) problems.push(`${image.app}: tsx must be a production dependency of the app`);
  }
  return problems;
}

function nextProblems(image: Image, file: Dockerfile, root: string): string[] {
  const problems: string[] = [];
  const runtime = file.stages.at(-1)!;
  const sources = copies(runtime).flatMap((c) => (c.from ? c.sources : []));
  for (const needed of [`/repo/apps/${image.app}/.next/standalone`, `/repo/apps/${image.app}/.next/static`]) {
    if (!sources.includes(needed)) problems.push(`${image.app}: the final stage must copy ${needed}`);
  }
  if (existsSync(path.join(root, "apps", image.app, "public")) && !sources.includes(`/repo/apps/${image.app}/public`)) {
    problems.push(`${image.app}: the final stage must copy the public folder`);
  }
  const config = readFileSync(path.join(root, "apps", image.app, "next.config.ts"), "utf8");
  if (!/output:\s*"standalone"/.test(config)) problems.push(`${image.app}: next.config.ts must set output: "standalone"`);
  if (!/outputFileTracingRoot:\s*workspaceRoot/.test(config)) problems.push(`${image.app}: next.config.ts must trace from the repository root (outputFileTracingRoot)`);

  // The CMD runs the bundled production server that the app's build writes into the standalone tree.
  const cmd = execForm(runtime.instructions.filter((i) => i.keyword === "CMD").at(-1)?.args ?? "") ?? [];
  const serverFile = `apps/${image.app}/server.mjs`;
  if (cmd[1] !== serverFile) problems.push(`${image.app}: CMD must run ${serverFile}`);
  const scripts = (JSON.parse(readFileSync(path.join(root, "apps", image.app, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  if (!scripts.build?.includes("build:server") || !scripts["build:server"]?.includes(`--outfile=.next/standalone/${serverFile}`)) {
    problems.push(`${image.app}: pnpm build must bundle server.ts into .next/standalone/${serverFile}`);
  }
  return problems;
}

/**
 * What `pnpm build` must have produced for the images to build: every file or folder the final
 * stages copy out of the build stage. Empty when all is there.
 */
export function buildOutputProblems(image: Image, root = repoRoot): string[] {
  if (image.kind !== "next") return [];
  const problems: string[] = [];
  const runtime = readDockerfile(image, root).stages.at(-1)!;
  for (const copy of copies(runtime)) {
    if (!copy.from) continue;
    for (const source of copy.sources) {
      const local = path.join(root, source.replace(/^\/repo\//, ""));
      if (!existsSync(local)) problems.push(`${image.app}: ${path.relative(root, local)} (copied on Dockerfile line ${copy.line}) was not built`);
    }
  }
  const standalone = path.join(root, "apps", image.app, ".next", "standalone");
  for (const needed of [`apps/${image.app}/server.mjs`, `apps/${image.app}/.next/BUILD_ID`, `apps/${image.app}/.next/required-server-files.json`]) {
    if (!existsSync(path.join(standalone, needed))) problems.push(`${image.app}: .next/standalone/${needed} is missing`);
  }
  // The bundle is what the image runs: it must at least parse (a name declared twice by the
  // bundler's banner and a bundled module only fails when the container starts).
  const server = path.join(standalone, "apps", image.app, "server.mjs");
  if (existsSync(server)) {
    const parsed = spawnSync(process.execPath, ["--check", server], { encoding: "utf8" });
    if (parsed.status !== 0) problems.push(`${image.app}: .next/standalone/apps/${image.app}/server.mjs does not parse: ${(parsed.stderr.split("\n").find((line) => /Error/.test(line)) ?? parsed.stderr).trim()}`);
  }
  const nextPackage = [path.join(standalone, "node_modules", "next"), path.join(standalone, "apps", image.app, "node_modules", "next")];
  if (!nextPackage.some((p) => existsSync(path.join(p, "package.json")))) problems.push(`${image.app}: the standalone output has no node_modules/next`);
  return problems;
}

/** .dockerignore keeps local state, secrets and built folders out of the build context. */
export function dockerignoreProblems(root = repoRoot): string[] {
  const file = path.join(root, ".dockerignore");
  if (!existsSync(file)) return [".dockerignore is missing"];
  const lines = new Set(readFileSync(file, "utf8").split(/\r?\n/).map((l) => l.trim()));
  return ["**/node_modules", "**/.next", ".data", ".git", ".env", "packages/db/src/generated"]
    .filter((pattern) => !lines.has(pattern))
    .map((pattern) => `.dockerignore must exclude ${pattern}`);
}
