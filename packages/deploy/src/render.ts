// YAML for `kubectl apply`: one file per group, documents in a fixed order.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Model } from "@kubernetes-models/base";
import { stringify } from "yaml";
import type { EnvironmentName } from "./environments.ts";
import { renderEnvironment, type Release } from "./manifests.ts";

export function toYaml(documents: Model<unknown>[]): string {
  return documents.map((d) => stringify(d.toJSON(), { lineWidth: 0, sortMapEntries: false })).join("---\n");
}

/** Validates every document (throws naming the first invalid one) and writes 10-migrate.yaml and 20-apps.yaml. */
export function writeRelease(release: Release, outDir: string): string[] {
  const { migrate, apps } = renderEnvironment(release);
  for (const doc of [...migrate, ...apps]) doc.validate();
  mkdirSync(outDir, { recursive: true });
  const files = [path.join(outDir, "10-migrate.yaml"), path.join(outDir, "20-apps.yaml")];
  writeFileSync(files[0]!, toYaml(migrate));
  writeFileSync(files[1]!, toYaml(apps));
  return files;
}

export function parseRenderArgs(args: string[]): Release & { out: string } {
  const get = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const environment = get("--env") as EnvironmentName | undefined;
  const tag = get("--tag");
  if (!environment || !["dev", "staging", "prod"].includes(environment) || !tag) {
    throw new Error("Usage: pnpm --filter @market/deploy render --env dev|staging|prod --tag <image tag> [--registry <registry>] [--out <dir>]");
  }
  return { environment, tag, registry: get("--registry"), out: path.resolve(process.env.INIT_CWD ?? process.cwd(), get("--out") ?? `.data/deploy/${environment}`) };
}
