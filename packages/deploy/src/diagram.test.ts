// diagrams/deployment.puml shows exactly the resources the prod manifests contain (and names the
// ones staging adds), with the same replica ranges, resources and autoscaling targets.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { environments } from "./environments.ts";
import { repoRoot } from "./images.ts";
import { renderEnvironment } from "./manifests.ts";
import { SECRET_NAME } from "./secrets.ts";

const KINDS = "Namespace|ServiceAccount|ConfigMap|Secret|Job|Deployment|Service|HorizontalPodAutoscaler|PodDisruptionBudget|Ingress";
const source = readFileSync(path.join(repoRoot, "diagrams", "deployment.puml"), "utf8");

function resources(environment: "prod" | "staging"): Set<string> {
  const { migrate, apps } = renderEnvironment({ environment, tag: "TAG" });
  return new Set(
    [...migrate, ...apps].map((m) => {
      const doc = m.toJSON() as { kind: string; metadata: { name: string } };
      return `${doc.kind} ${doc.metadata.name.replace(/^migrate-tag$/, "migrate-<tag>")}`;
    }),
  );
}

/** The quoted label of each element, one line per "\n". */
const labels = [...source.matchAll(/"((?:[^"\\]|\\.)*)"\s+as\s+\w+/g)].map((m) => m[1]!.split("\\n"));

describe("the deployment diagram", () => {
  it("names every resource of the prod manifests and no other, plus staging's simulator in a note", () => {
    const named = new Set([...source.matchAll(new RegExp(`\\b(${KINDS}) ([a-z0-9<>-]+)`, "g"))].map((m) => `${m[1]} ${m[2]}`));
    const prod = resources("prod");
    const stagingOnly = [...resources("staging")].filter((r) => !prod.has(r) && !r.startsWith("Namespace") && !r.startsWith("Job"));
    expect(stagingOnly.sort()).toEqual(["Deployment warehouse-simulator", "Service warehouse-simulator"]);
    expect([...named].sort()).toEqual([...prod, ...stagingOnly, `Secret ${SECRET_NAME}`].sort());
  });

  it("shows the prod replica ranges, resources and autoscaling targets", () => {
    const prod = environments.prod;
    for (const app of ["storefront", "seller", "worker"] as const) {
      const deployment = labels.find((l) => l[0] === `Deployment ${app}`)!.join(" ");
      const { minReplicas, maxReplicas, cpuPercent } = prod.scaling[app];
      const { requests, limits } = prod.resources[app];
      expect(deployment).toContain(`${minReplicas}–${maxReplicas} pods`);
      expect(deployment).toContain(`${requests.cpu}–${limits.cpu} CPU, ${requests.memory}–${limits.memory}`);
      expect(labels.find((l) => l[0] === `HorizontalPodAutoscaler ${app}`)!.join(" ")).toContain(`CPU ${cpuPercent} %`);
    }
    expect(labels.find((l) => l[0] === "Ingress marketplace")!.join(" ")).toContain(`${prod.hosts.storefront} → storefront`);
    expect(labels.find((l) => l[0] === "Ingress marketplace")!.join(" ")).toContain(`${prod.hosts.seller} → seller`);
  });
});
