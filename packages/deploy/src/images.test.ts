import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseDockerfile } from "./dockerfile.ts";
import { buildOutputProblems, dockerfileProblems, dockerignoreProblems, images, repoRoot } from "./images.ts";

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the files the checks read, to break one rule at a time. */
function copyOfRepo(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "images-"));
  temporary.push(root);
  for (const file of [".dockerignore", "pnpm-lock.yaml", "pnpm-workspace.yaml", "package.json"]) cpSync(path.join(repoRoot, file), path.join(root, file));
  for (const image of images) {
    for (const file of ["Dockerfile", "package.json", "next.config.ts", image.healthSource.replace(`apps/${image.app}/`, "")]) {
      const from = path.join(repoRoot, "apps", image.app, file);
      if (existsSync(from)) cpSync(from, path.join(root, "apps", image.app, file));
    }
    if (image.kind === "tsx") cpSync(path.join(repoRoot, "apps", image.app, "src", "main.ts"), path.join(root, "apps", image.app, "src", "main.ts"));
    if (existsSync(path.join(repoRoot, "apps", image.app, "public"))) mkdirSync(path.join(root, "apps", image.app, "public"), { recursive: true });
  }
  return root;
}

function edit(root: string, app: string, change: (text: string) => string) {
  const file = path.join(root, "apps", app, "Dockerfile");
  writeFileSync(file, change(readFileSync(file, "utf8")));
}

describe("Dockerfiles", () => {
  it.each(images.map((i) => [i.app, i] as const))("%s keeps every rule", (_, image) => {
    expect(dockerfileProblems(image)).toEqual([]);
  });

  it("keeps local state, secrets and built folders out of the build context", () => {
    expect(dockerignoreProblems()).toEqual([]);
  });

  it("reads continuation lines, stages and ARG defaults", () => {
    const file = parseDockerfile('ARG V=1.2.3\nFROM node:${V}-slim AS base\nRUN a \\\n  # a comment\n  b\nFROM base\nCMD ["node", "x"]\n');
    expect(file.stages.map((s) => [s.name, s.image])).toEqual([["base", "node:1.2.3-slim"], [undefined, "base"]]);
    expect(file.stages[0]!.instructions).toEqual([{ keyword: "RUN", args: "a b", line: 3 }]);
  });

  it("finds a root user, a floating tag, a missing health check and a shell-form CMD", () => {
    const root = copyOfRepo();
    const storefront = images.find((i) => i.app === "storefront")!;
    expect(dockerfileProblems(storefront, root)).toEqual([]);
    edit(root, "storefront", (t) => t.replace("USER 1000:1000", "USER root").replace("ARG NODE_VERSION=22.21.1", "ARG NODE_VERSION=22").replace(/HEALTHCHECK[^\n]*\\\n[^\n]*\n/, "").replace('CMD ["node", "apps/storefront/server.mjs"]', "CMD node apps/storefront/server.mjs"));
    const problems = dockerfileProblems(storefront, root).join("\n");
    expect(problems).toMatch(/numeric non-root USER/);
    expect(problems).toMatch(/not pinned/);
    expect(problems).toMatch(/HEALTHCHECK/);
    expect(problems).toMatch(/exec form/);
  });

  it("finds a Next app image that does not ship the standalone output", () => {
    const root = copyOfRepo();
    const seller = images.find((i) => i.app === "seller")!;
    edit(root, "seller", (t) => t.replace(/COPY --from=build \/repo\/apps\/seller\/\.next\/standalone \.\/\n/, ""));
    writeFileSync(path.join(root, "apps/seller/next.config.ts"), readFileSync(path.join(root, "apps/seller/next.config.ts"), "utf8").replace('output: "standalone",', ""));
    const problems = dockerfileProblems(seller, root).join("\n");
    expect(problems).toMatch(/must copy \/repo\/apps\/seller\/\.next\/standalone/);
    expect(problems).toMatch(/output: "standalone"/);
  });
});

describe("build outputs the images copy", () => {
  const nextImages = images.filter((i) => i.kind === "next");

  it("names each missing output before a build", () => {
    const root = copyOfRepo();
    const problems = buildOutputProblems(nextImages[0]!, root).join("\n");
    expect(problems).toMatch(/apps\/storefront\/\.next\/standalone .*was not built/);
    expect(problems).toMatch(/server\.mjs is missing/);
  });

  it("accepts a complete standalone tree", () => {
    const root = copyOfRepo();
    for (const image of nextImages) {
      const app = path.join(root, "apps", image.app);
      const standaloneApp = path.join(app, ".next/standalone/apps", image.app);
      mkdirSync(path.join(app, ".next/static"), { recursive: true });
      mkdirSync(path.join(standaloneApp, ".next"), { recursive: true });
      mkdirSync(path.join(app, ".next/standalone/node_modules/next"), { recursive: true });
      for (const f of ["server.mjs", ".next/BUILD_ID", ".next/required-server-files.json"]) writeFileSync(path.join(standaloneApp, f), "");
      writeFileSync(path.join(app, ".next/standalone/node_modules/next/package.json"), "{}");
      expect(buildOutputProblems(image, root)).toEqual([]);
    }
  });

  // After `pnpm build` (the test pipeline builds before its end-to-end phase and then runs
  // `check:images`), the real outputs are checked too.
  it.runIf(nextImages.every((i) => existsSync(path.join(repoRoot, "apps", i.app, ".next/standalone"))))("are all in this checkout's build", () => {
    expect(nextImages.flatMap((i) => buildOutputProblems(i))).toEqual([]);
  });
});
