// The Kubernetes resources of one environment, as typed objects (kubernetes-models), validated
// against the Kubernetes OpenAPI schemas that package ships: rendering and validation need nothing
// but npm, so CI checks them offline (manifests.test.ts).
//
// Two groups, applied in order by deploy/kubernetes/deploy.sh:
//   1. "migrate": the namespace-wide pieces and the migration Job of this release;
//   2. "apps": Deployments, Services, HPAs, PDBs and the Ingress, applied once the Job completed.
import type { Model } from "@kubernetes-models/base";
import { Deployment } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Job } from "kubernetes-models/batch/v1";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Namespace, Service, ServiceAccount, type IContainer, type IEnvVar, type IPodSpec, type IVolume, type IVolumeMount } from "kubernetes-models/v1";
import { environments, type Environment, type EnvironmentName } from "./environments.ts";
import { images, type Image } from "./images.ts";
import { SECRET_NAME, secretKey } from "./secrets.ts";

export const CONFIG_MAP = "marketplace-config";
const SERVICE_ACCOUNT = "marketplace";
const PART_OF = "marketplace";

export type Release = { environment: EnvironmentName; tag: string; registry?: string };
export type Rendered = { migrate: Model<unknown>[]; apps: Model<unknown>[] };

type AppName = Image["app"];

function labels(app: string, component: string) {
  return { "app.kubernetes.io/name": app, "app.kubernetes.io/part-of": PART_OF, "app.kubernetes.io/component": component };
}
const selector = (app: string) => ({ "app.kubernetes.io/name": app, "app.kubernetes.io/part-of": PART_OF });

function image(release: Release, env: Environment, app: AppName): string {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(release.tag) || release.tag === "latest") {
    throw new Error(`Image tag "${release.tag}" must be an exact release tag (not latest)`);
  }
  return `${release.registry ?? env.registry}/${app}:${release.tag}`;
}

function secretEnv(name: string, key = name): IEnvVar {
  const { required } = secretKey(key);
  return { name, valueFrom: { secretKeyRef: { name: SECRET_NAME, key, optional: !required } } };
}

/** Secrets each process reads; the worker and migrations get the session-mode database URL. */
const WEB_SECRETS = ["AUTH_SECRET", "STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET", "WAREHOUSE_WEBHOOK_SECRET", "SMTP_URL", "METRICS_TOKEN", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"];
function secretsFor(app: AppName | "migrate", env: Environment): IEnvVar[] {
  if (app === "warehouse-simulator") return [secretEnv("WAREHOUSE_WEBHOOK_SECRET")];
  if (app === "migrate") return [secretEnv("DATABASE_URL", "WORKER_DATABASE_URL")];
  const database = app === "worker" ? secretEnv("DATABASE_URL", "WORKER_DATABASE_URL") : secretEnv("DATABASE_URL");
  // Algolia is all three variables or none: its keys only where the ConfigMap names the app id,
  // and required there (a missing one would otherwise stop the pod with a less clear message).
  const algolia = env.algoliaAppId
    ? ["ALGOLIA_ADMIN_KEY", "ALGOLIA_SEARCH_KEY"].map((key) => ({ name: key, valueFrom: { secretKeyRef: { name: SECRET_NAME, key, optional: false } } }))
    : [];
  return [database, ...WEB_SECRETS.map((k) => secretEnv(k)), ...algolia];
}

/** Non-secret settings, shared by every process of the environment. */
export function configData(env: Environment): Record<string, string> {
  const data: Record<string, string> = {
    NODE_ENV: "production",
    LOG_LEVEL: env.logLevel,
    STOREFRONT_URL: `https://${env.hosts.storefront}`,
    SELLER_URL: `https://${env.hosts.seller}`,
    AUTH_COOKIE_DOMAIN: env.cookieDomain,
    // The ingress controller appends the client's address to X-Forwarded-For.
    TRUSTED_PROXY_COUNT: "1",
    WORKER_CONCURRENCY: String(env.workerConcurrency),
    EMAIL_FROM: env.emailFrom,
    S3_BUCKET: env.s3.bucket,
    S3_REGION: env.s3.region,
    ...(env.s3.endpoint ? { S3_ENDPOINT: env.s3.endpoint } : {}),
    ...(env.algoliaAppId ? { ALGOLIA_APP_ID: env.algoliaAppId } : {}),
    WAREHOUSE_URL: "url" in env.warehouse ? env.warehouse.url : "http://warehouse-simulator",
  };
  return data;
}

const podSecurity: IPodSpec["securityContext"] = {
  runAsNonRoot: true,
  runAsUser: 1000,
  runAsGroup: 1000,
  fsGroup: 1000,
  seccompProfile: { type: "RuntimeDefault" },
};
const containerSecurity: IContainer["securityContext"] = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ["ALL"] },
};

/** The writable places a read-only root filesystem still needs. */
function scratch(app: AppName): { volumes: IVolume[]; mounts: IVolumeMount[] } {
  const volumes: IVolume[] = [{ name: "tmp", emptyDir: { sizeLimit: "256Mi" } }];
  const mounts: IVolumeMount[] = [{ name: "tmp", mountPath: "/tmp" }];
  const image = images.find((i) => i.app === app)!;
  if (image.kind === "next") {
    // Next's image optimiser and fetch caches (per pod; the CDN in front keeps the shared copy).
    volumes.push({ name: "next-cache", emptyDir: { sizeLimit: "1Gi" } });
    mounts.push({ name: "next-cache", mountPath: `/app/apps/${app}/.next/cache` });
  }
  if (app === "warehouse-simulator") {
    // Its tasks; lost with the pod, which staging accepts (the outbox retries pick requests).
    volumes.push({ name: "state", emptyDir: { sizeLimit: "64Mi" } });
    mounts.push({ name: "state", mountPath: "/data" });
  }
  return { volumes, mounts };
}

/** Node heap a little under the memory limit, so the GC works before the kernel kills the pod. */
function heapMegabytes(limit: string): number {
  const match = /^(\d+)(Mi|Gi)$/.exec(limit);
  if (!match) throw new Error(`Memory limit ${limit} must be in Mi or Gi`);
  const mebibytes = Number(match[1]) * (match[2] === "Gi" ? 1024 : 1);
  return Math.floor(mebibytes * 0.75);
}

function deployment(release: Release, env: Environment, app: AppName): Deployment {
  const spec = images.find((i) => i.app === app)!;
  const resources = env.resources[app];
  const { volumes, mounts } = scratch(app);
  const probePath = spec.kind === "next" ? `${spec.healthPath}?probe=ready` : spec.healthPath;
  const livePath = spec.kind === "next" ? `${spec.healthPath}?probe=live` : spec.healthPath;
  const scaled = app === "warehouse-simulator" ? undefined : env.scaling[app];
  const component = app === "worker" ? "worker" : app === "warehouse-simulator" ? "simulator" : "web";
  // Web pods: the preStop pause lets the Service drop the pod before the server stops accepting;
  // then up to 25 s for requests in flight (packages/web/src/server.ts). Worker: up to 30 s for
  // running jobs (apps/worker/src/main.ts), after which graphile-worker's jobs are released.
  const grace = component === "web" ? 40 : component === "worker" ? 45 : 15;
  return new Deployment({
    metadata: { name: app, namespace: env.namespace, labels: labels(app, component) },
    spec: {
      // The HPA owns the count after the first apply; this is the starting point.
      replicas: scaled?.minReplicas ?? 1,
      revisionHistoryLimit: 5,
      selector: { matchLabels: selector(app) },
      // The simulator keeps its tasks in one pod's file: never two at once.
      strategy: app === "warehouse-simulator" ? { type: "Recreate" } : { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
      template: {
        metadata: {
          labels: labels(app, component),
          annotations: { "prometheus.io/scrape": String(app !== "warehouse-simulator"), "prometheus.io/path": "/api/metrics", "prometheus.io/port": String(spec.port) },
        },
        spec: {
          serviceAccountName: SERVICE_ACCOUNT,
          automountServiceAccountToken: false,
          securityContext: podSecurity,
          terminationGracePeriodSeconds: grace,
          topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: selector(app) } }],
          volumes,
          containers: [
            {
              name: app,
              image: image(release, env, app),
              imagePullPolicy: "IfNotPresent",
              ports: [{ name: "http", containerPort: spec.port, protocol: "TCP" }],
              envFrom: [{ configMapRef: { name: CONFIG_MAP } }],
              env: [
                ...secretsFor(app, env),
                { name: "NODE_OPTIONS", value: `--max-old-space-size=${heapMegabytes(resources.limits.memory)}` },
                ...(app === "worker" ? [{ name: "WORKER_HTTP_HOST", value: "0.0.0.0" }, { name: "WORKER_HTTP_PORT", value: String(spec.port) }] : []),
              ],
              resources,
              securityContext: containerSecurity,
              volumeMounts: mounts,
              startupProbe: { httpGet: { path: livePath, port: "http" }, periodSeconds: 2, failureThreshold: 60 },
              readinessProbe: { httpGet: { path: probePath, port: "http" }, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 },
              livenessProbe: { httpGet: { path: livePath, port: "http" }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
              ...(component === "web" ? { lifecycle: { preStop: { exec: { command: ["sleep", "5"] } } } } : {}),
            },
          ],
        },
      },
    },
  });
}

function service(env: Environment, app: AppName): Service {
  const spec = images.find((i) => i.app === app)!;
  return new Service({
    metadata: { name: app, namespace: env.namespace, labels: labels(app, app === "worker" ? "worker" : app === "warehouse-simulator" ? "simulator" : "web") },
    spec: { type: "ClusterIP", selector: selector(app), ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }] },
  });
}

function autoscaler(env: Environment, app: "storefront" | "seller" | "worker"): HorizontalPodAutoscaler {
  const scaled = env.scaling[app];
  return new HorizontalPodAutoscaler({
    metadata: { name: app, namespace: env.namespace, labels: labels(app, app === "worker" ? "worker" : "web") },
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: app },
      minReplicas: scaled.minReplicas,
      maxReplicas: scaled.maxReplicas,
      metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: scaled.cpuPercent } } }],
      // Out quickly, back slowly: a burst of orders should not flap the pod count.
      behavior: { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: "Percent", value: 50, periodSeconds: 60 }] } },
    },
  });
}

function disruptionBudget(env: Environment, app: "storefront" | "seller" | "worker"): PodDisruptionBudget {
  return new PodDisruptionBudget({
    metadata: { name: app, namespace: env.namespace, labels: labels(app, app === "worker" ? "worker" : "web") },
    // One pod at a time during node drains; with a single replica (dev) a drain still proceeds.
    spec: { maxUnavailable: 1, selector: { matchLabels: selector(app) } },
  });
}

function ingress(env: Environment): Ingress {
  const rule = (host: string, app: AppName) => ({
    host,
    http: { paths: [{ path: "/", pathType: "Prefix" as const, backend: { service: { name: app, port: { name: "http" } } } }] },
  });
  return new Ingress({
    metadata: {
      name: "marketplace",
      namespace: env.namespace,
      labels: labels("marketplace", "ingress"),
      annotations: {
        "cert-manager.io/cluster-issuer": env.clusterIssuer,
        // Image uploads (UPLOAD_MAX_IMAGE_BYTES, 10 MB by default) and bulk imports.
        "nginx.ingress.kubernetes.io/proxy-body-size": "16m",
      },
    },
    spec: {
      ingressClassName: "nginx",
      tls: [{ hosts: [env.hosts.storefront, env.hosts.seller], secretName: "marketplace-tls" }],
      rules: [rule(env.hosts.storefront, "storefront"), rule(env.hosts.seller, "seller")],
    },
  });
}

/** The Job of one release: `pnpm db:migrate` (prisma migrate deploy's equivalent) from the worker image. */
function migrationJob(release: Release, env: Environment): Job {
  return new Job({
    metadata: { name: `migrate-${release.tag}`.toLowerCase().replace(/[^a-z0-9-]/g, "-").slice(0, 63), namespace: env.namespace, labels: labels("migrate", "migration") },
    spec: {
      backoffLimit: 2,
      activeDeadlineSeconds: 900,
      ttlSecondsAfterFinished: 7 * 24 * 3600,
      template: {
        metadata: { labels: labels("migrate", "migration") },
        spec: {
          restartPolicy: "Never",
          serviceAccountName: SERVICE_ACCOUNT,
          automountServiceAccountToken: false,
          securityContext: podSecurity,
          volumes: [{ name: "tmp", emptyDir: { sizeLimit: "128Mi" } }],
          containers: [
            {
              name: "migrate",
              image: image(release, env, "worker"),
              // tsx is a production dependency of the worker (the image drops @market/db's dev tools).
              workingDir: "/app/apps/worker",
              command: ["node", "--import", "tsx", "../../packages/db/src/cli/migrate.ts"],
              envFrom: [{ configMapRef: { name: CONFIG_MAP } }],
              env: secretsFor("migrate", env),
              resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
              securityContext: containerSecurity,
              volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
            },
          ],
        },
      },
    },
  });
}

export function apps(env: Environment): AppName[] {
  return ["storefront", "seller", "worker", ...("simulator" in env.warehouse ? (["warehouse-simulator"] as const) : [])];
}

export function renderEnvironment(release: Release): Rendered {
  const env = environments[release.environment];
  const migrate: Model<unknown>[] = [
    new Namespace({ metadata: { name: env.namespace, labels: { "app.kubernetes.io/part-of": PART_OF, "pod-security.kubernetes.io/enforce": "restricted" } } }),
    new ServiceAccount({ metadata: { name: SERVICE_ACCOUNT, namespace: env.namespace, labels: labels(SERVICE_ACCOUNT, "identity") }, automountServiceAccountToken: false }),
    new ConfigMap({ metadata: { name: CONFIG_MAP, namespace: env.namespace, labels: labels(CONFIG_MAP, "config") }, data: configData(env) }),
    migrationJob(release, env),
  ];
  const rendered: Model<unknown>[] = [];
  for (const app of apps(env)) {
    rendered.push(deployment(release, env, app), service(env, app));
    if (app !== "warehouse-simulator") rendered.push(autoscaler(env, app), disruptionBudget(env, app));
  }
  rendered.push(ingress(env));
  return { migrate, apps: rendered };
}
