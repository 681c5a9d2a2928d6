import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { serverEnvSchema, workerEnvSchema } from "@market/config/env";
import { Deployment } from "kubernetes-models/apps/v1";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { environments, type EnvironmentName } from "./environments.ts";
import { images, repoRoot } from "./images.ts";
import { renderEnvironment } from "./manifests.ts";
import { toYaml, writeRelease } from "./render.ts";
import { SECRET_KEYS, SECRET_NAME } from "./secrets.ts";

type Doc = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; spec?: any; data?: Record<string, string> };

const names = Object.keys(environments) as EnvironmentName[];
const render = (environment: EnvironmentName) => {
  const { migrate, apps } = renderEnvironment({ environment, tag: "1.4.2" });
  return { models: [...migrate, ...apps], docs: [...migrate, ...apps].map((m) => m.toJSON() as Doc), migrate, apps };
};
const ofKind = (docs: Doc[], kind: string) => docs.filter((d) => d.kind === kind);

// Placeholders shaped like the real values: enough for the apps' own environment validation.
const placeholderSecrets: Record<string, string> = {
  DATABASE_URL: "postgresql://app:x@pgbouncer:6432/market",
  WORKER_DATABASE_URL: "postgresql://worker:x@postgres:5432/market",
  AUTH_SECRET: "a".repeat(44),
  STRIPE_SECRET_KEY: "sk_test_abc123",
  STRIPE_PUBLISHABLE_KEY: "pk_test_abc123",
  STRIPE_WEBHOOK_SECRET: "whsec_abc123",
  WAREHOUSE_WEBHOOK_SECRET: "w".repeat(32),
  SMTP_URL: "smtps://user:pass@smtp.example.com:465",
  METRICS_TOKEN: "m".repeat(32),
  ALGOLIA_ADMIN_KEY: "admin",
  ALGOLIA_SEARCH_KEY: "search",
  S3_ACCESS_KEY_ID: "key",
  S3_SECRET_ACCESS_KEY: "secret",
};

/** The environment a container would get: the ConfigMap, then its env entries. */
function containerEnv(docs: Doc[], container: any): Record<string, string> {
  const config = ofKind(docs, "ConfigMap")[0]!.data!;
  const env: Record<string, string> = {};
  for (const from of container.envFrom ?? []) if (from.configMapRef) Object.assign(env, config);
  for (const e of container.env ?? []) {
    if (e.value !== undefined) env[e.name] = e.value;
    else if (e.valueFrom?.secretKeyRef) env[e.name] = placeholderSecrets[e.valueFrom.secretKeyRef.key]!;
  }
  return env;
}

describe.each(names)("the %s manifests", (environment) => {
  const { models, docs } = render(environment);
  const env = environments[environment];
  const deployments = ofKind(docs, "Deployment");

  it("validate against the Kubernetes schemas", () => {
    for (const model of models) expect(() => model.validate()).not.toThrow();
    expect(docs.every((d) => d.metadata.namespace === env.namespace || d.kind === "Namespace")).toBe(true);
  });

  it("run each app with probes, requests and limits, as a non-root user on a read-only filesystem", () => {
    const expected = ["storefront", "seller", "worker", ...(environment === "staging" ? ["warehouse-simulator"] : [])];
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(expected.sort());
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      const image = images.find((i) => i.app === d.metadata.name)!;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(pod.automountServiceAccountToken).toBe(false);
      expect(pod.containers).toHaveLength(1);
      const c = pod.containers[0];
      expect(c.image).toBe(`${env.registry}/${image.app}:1.4.2`);
      expect(c.ports).toEqual([{ name: "http", containerPort: image.port, protocol: "TCP" }]);
      for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) {
        expect(probe.httpGet.port).toBe("http");
        expect(probe.httpGet.path.split("?")[0]).toBe(image.healthPath);
      }
      expect(c.resources.requests).toEqual(expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }));
      expect(c.resources.limits).toEqual(expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }));
      expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ["ALL"] } });
      // Longer than the process's own drain deadline, so Kubernetes never kills a draining pod early.
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(image.kind === "next" ? 30 : image.app === "worker" ? 35 : 10);
    }
  });

  it("give the web probes the process-only health answer, so a database outage neither restarts nor unroutes them", () => {
    for (const d of deployments.filter((d) => ["storefront", "seller"].includes(d.metadata.name))) {
      const c = d.spec.template.spec.containers[0];
      expect(c.readinessProbe.httpGet.path).toBe("/api/health?probe=ready");
      expect(c.livenessProbe.httpGet.path).toBe("/api/health?probe=live");
    }
  });

  it("scale and protect the apps: one HPA and one PDB per app, pointing at its Deployment", () => {
    for (const app of ["storefront", "seller", "worker"]) {
      const hpa = ofKind(docs, "HorizontalPodAutoscaler").find((h) => h.metadata.name === app)!;
      expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: app });
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(1);
      expect(hpa.spec.maxReplicas).toBeGreaterThanOrEqual(hpa.spec.minReplicas);
      expect(hpa.spec.metrics[0].resource.name).toBe("cpu");
      const pdb = ofKind(docs, "PodDisruptionBudget").find((p) => p.metadata.name === app)!;
      const deployment = deployments.find((d) => d.metadata.name === app)!;
      expect(deployment.spec.template.metadata.labels).toMatchObject(pdb.spec.selector.matchLabels);
    }
    expect(ofKind(docs, "HorizontalPodAutoscaler")).toHaveLength(3);
    expect(ofKind(docs, "PodDisruptionBudget")).toHaveLength(3);
  });

  it("route the two hosts through one Ingress to Services that select the pods", () => {
    const ingresses = ofKind(docs, "Ingress");
    expect(ingresses).toHaveLength(1);
    const rules = ingresses[0]!.spec.rules.map((r: any) => [r.host, r.http.paths[0].backend.service.name]);
    expect(rules).toEqual([
      [env.hosts.storefront, "storefront"],
      [env.hosts.seller, "seller"],
    ]);
    for (const service of ofKind(docs, "Service")) {
      const target = deployments.find((d) => d.metadata.name === service.metadata.name)!;
      expect(target.spec.template.metadata.labels).toMatchObject(service.spec.selector);
      expect(service.spec.ports[0].targetPort).toBe("http");
    }
    for (const [, backend] of rules) expect(ofKind(docs, "Service").some((s) => s.metadata.name === backend)).toBe(true);
  });

  it("refer only to documented Secret keys and hold no secret value", () => {
    expect(ofKind(docs, "Secret")).toEqual([]);
    const documented = new Set(SECRET_KEYS.map((k) => k.key));
    const refs = JSON.stringify(docs).match(/"secretKeyRef":\{[^}]*\}/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const { name, key } = JSON.parse(ref.slice('"secretKeyRef":'.length)) as { name: string; key: string };
      expect(name).toBe(SECRET_NAME);
      expect(documented.has(key), key).toBe(true);
    }
    const secretLooking = /SECRET|PASSWORD|TOKEN|_KEY$|DATABASE_URL|SMTP_URL/;
    for (const key of Object.keys(ofKind(docs, "ConfigMap")[0]!.data!)) expect(key).not.toMatch(secretLooking);
    for (const d of [...deployments, ...ofKind(docs, "Job").map((j) => ({ spec: j.spec }))]) {
      for (const e of d.spec.template.spec.containers[0].env ?? []) if (e.value !== undefined) expect(e.name).not.toMatch(secretLooking);
    }
  });

  it("give every process an environment its own start-up validation accepts", () => {
    for (const d of deployments) {
      const env = containerEnv(docs, d.spec.template.spec.containers[0]);
      if (d.metadata.name === "worker") {
        const parsed = workerEnvSchema.parse(env);
        expect(parsed.DATABASE_URL).toBe(placeholderSecrets.WORKER_DATABASE_URL);
        expect(parsed.WORKER_HTTP_HOST).toBe("0.0.0.0");
      } else if (d.metadata.name !== "warehouse-simulator") {
        expect(serverEnvSchema.parse(env).DATABASE_URL).toBe(placeholderSecrets.DATABASE_URL);
      }
    }
  });

  it("migrate with the worker image before the rollout, on the session-mode connection", () => {
    const [job] = ofKind(docs, "Job");
    expect(job!.metadata.name).toBe("migrate-1.4.2".replace(".", "-").replace(".", "-"));
    const c = job!.spec.template.spec.containers[0];
    expect(c.image).toBe(`${env.registry}/worker:1.4.2`);
    const workingDir = path.join(repoRoot, c.workingDir.replace(/^\/app\//, ""));
    expect(existsSync(path.join(workingDir, c.command.at(-1)))).toBe(true);
    // `--import tsx` resolves from the working directory, and the image keeps production dependencies only.
    expect(c.command.slice(0, 3)).toEqual(["node", "--import", "tsx"]);
    expect((JSON.parse(readFileSync(path.join(workingDir, "package.json"), "utf8")) as { dependencies: Record<string, string> }).dependencies.tsx).toBeDefined();
    expect(c.env).toEqual([{ name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: SECRET_NAME, key: "WORKER_DATABASE_URL", optional: false } } }]);
    const { migrate } = render(environment);
    expect(migrate.map((m) => (m.toJSON() as Doc).kind)).toEqual(["Namespace", "ServiceAccount", "ConfigMap", "Job"]);
  });

  it("write YAML that reads back as the same documents", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "manifests-"));
    try {
      const files = writeRelease({ environment, tag: "1.4.2" }, dir);
      const back = files.flatMap((f) => parseAllDocuments(readFileSync(f, "utf8")).map((d) => d.toJS()));
      expect(back).toEqual(JSON.parse(JSON.stringify(docs)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("validation", () => {
  it("rejects a document that breaks the schema", () => {
    const broken = new Deployment({ metadata: { name: "x" }, spec: { replicas: "two" as unknown as number, selector: {}, template: {} } });
    expect(() => broken.validate()).toThrow();
    const badPort = new Deployment({ metadata: { name: "x" }, spec: { selector: {}, template: { spec: { containers: [{ name: "x", ports: [{ containerPort: "http" as unknown as number }] }] } } } });
    expect(() => badPort.validate()).toThrow();
    const noContainers = new Deployment({ metadata: { name: "x" }, spec: { selector: {}, template: { spec: {} as never } } });
    expect(() => noContainers.validate()).toThrow();
    // The schemas allow unknown fields (as the API server's OpenAPI does): a misspelt field would
    // pass them, which is why the tests above read every field that matters by its exact name.
  });

  it("refuses a floating image tag", () => {
    expect(() => renderEnvironment({ environment: "prod", tag: "latest" })).toThrow(/exact release tag/);
  });

  it("renders the apps of one release as YAML", () => {
    expect(toYaml(render("prod").apps)).toMatch(/^kind: Ingress$/m);
  });
});
