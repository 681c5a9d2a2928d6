// What differs between the three environments. Everything else is in manifests.ts, the same for all.

export type EnvironmentName = "dev" | "staging" | "prod";

export type Scaled = { minReplicas: number; maxReplicas: number; cpuPercent: number };
export type Resources = { requests: { cpu: string; memory: string }; limits: { cpu: string; memory: string } };

export type Environment = {
  name: EnvironmentName;
  namespace: string;
  /** Where the images are pushed: <registry>/<app>:<tag>. */
  registry: string;
  hosts: { storefront: string; seller: string };
  /** Parent domain shared by the two hosts, so one session cookie serves both apps. */
  cookieDomain: string;
  /** Issuer for cert-manager; each host gets a certificate in the TLS secret named below. */
  clusterIssuer: string;
  scaling: { storefront: Scaled; seller: Scaled; worker: Scaled };
  resources: { storefront: Resources; seller: Resources; worker: Resources; "warehouse-simulator": Resources };
  workerConcurrency: number;
  logLevel: "info" | "debug";
  /** The warehouse system; staging runs the simulator in the cluster instead. */
  warehouse: { url: string } | { simulator: true };
  /** Object storage for product images and imports. */
  s3: { bucket: string; endpoint?: string; region: string };
  algoliaAppId?: string;
  emailFrom: string;
};

const web = (cpu: string, memory: string, cpuLimit: string, memoryLimit: string): Resources => ({ requests: { cpu, memory }, limits: { cpu: cpuLimit, memory: memoryLimit } });

const simulatorResources = web("50m", "128Mi", "250m", "256Mi");

export const environments: Record<EnvironmentName, Environment> = {
  dev: {
    name: "dev",
    namespace: "marketplace-dev",
    registry: "registry.example.com/marketplace",
    hosts: { storefront: "shop.dev.marketplace.example", seller: "seller.dev.marketplace.example" },
    cookieDomain: ".dev.marketplace.example",
    clusterIssuer: "letsencrypt-staging",
    scaling: {
      storefront: { minReplicas: 1, maxReplicas: 2, cpuPercent: 70 },
      seller: { minReplicas: 1, maxReplicas: 2, cpuPercent: 70 },
      worker: { minReplicas: 1, maxReplicas: 2, cpuPercent: 60 },
    },
    resources: {
      storefront: web("100m", "384Mi", "1", "768Mi"),
      seller: web("100m", "320Mi", "1", "640Mi"),
      worker: web("100m", "320Mi", "1", "640Mi"),
      "warehouse-simulator": simulatorResources,
    },
    workerConcurrency: 4,
    logLevel: "debug",
    warehouse: { url: "https://warehouse-sandbox.example.com/api" },
    s3: { bucket: "marketplace-dev-files", region: "ru-central1", endpoint: "https://storage.yandexcloud.net" },
    emailFrom: "Marketplace (dev) <no-reply@dev.marketplace.example>",
  },
  staging: {
    name: "staging",
    namespace: "marketplace-staging",
    registry: "registry.example.com/marketplace",
    hosts: { storefront: "shop.staging.marketplace.example", seller: "seller.staging.marketplace.example" },
    cookieDomain: ".staging.marketplace.example",
    clusterIssuer: "letsencrypt",
    scaling: {
      storefront: { minReplicas: 2, maxReplicas: 4, cpuPercent: 70 },
      seller: { minReplicas: 2, maxReplicas: 3, cpuPercent: 70 },
      worker: { minReplicas: 2, maxReplicas: 4, cpuPercent: 60 },
    },
    resources: {
      storefront: web("250m", "512Mi", "1", "1Gi"),
      seller: web("200m", "384Mi", "1", "768Mi"),
      worker: web("200m", "384Mi", "1", "768Mi"),
      "warehouse-simulator": simulatorResources,
    },
    workerConcurrency: 4,
    logLevel: "info",
    warehouse: { simulator: true },
    s3: { bucket: "marketplace-staging-files", region: "ru-central1", endpoint: "https://storage.yandexcloud.net" },
    emailFrom: "Marketplace (staging) <no-reply@staging.marketplace.example>",
  },
  prod: {
    name: "prod",
    namespace: "marketplace",
    registry: "registry.example.com/marketplace",
    hosts: { storefront: "shop.marketplace.example", seller: "seller.marketplace.example" },
    cookieDomain: ".marketplace.example",
    clusterIssuer: "letsencrypt",
    scaling: {
      storefront: { minReplicas: 3, maxReplicas: 20, cpuPercent: 65 },
      seller: { minReplicas: 2, maxReplicas: 6, cpuPercent: 70 },
      worker: { minReplicas: 2, maxReplicas: 12, cpuPercent: 60 },
    },
    resources: {
      storefront: web("500m", "768Mi", "2", "1536Mi"),
      seller: web("250m", "512Mi", "1", "1Gi"),
      worker: web("250m", "512Mi", "1", "1Gi"),
      "warehouse-simulator": simulatorResources,
    },
    workerConcurrency: 8,
    logLevel: "info",
    warehouse: { url: "https://wms.marketplace.example/api" },
    s3: { bucket: "marketplace-files", region: "ru-central1", endpoint: "https://storage.yandexcloud.net" },
    algoliaAppId: "MARKETPLACEAPP",
    emailFrom: "Marketplace <no-reply@marketplace.example>",
  },
};
