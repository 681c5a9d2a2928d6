// The Secret every environment must hold before the first deploy. The manifests only refer to
// its keys (secretKeyRef); the values never enter this repository. Create it with
//   kubectl -n <namespace> create secret generic marketplace-secrets --from-env-file=secrets.env
// (the README's Deployment section lists what each key is).

export const SECRET_NAME = "marketplace-secrets";

export type SecretKey = {
  key: string;
  /** Required ones stop the pod from starting when missing (a clear CreateContainerConfigError). */
  required: boolean;
  meaning: string;
};

export const SECRET_KEYS: readonly SecretKey[] = [
  { key: "DATABASE_URL", required: true, meaning: "PostgreSQL for the apps; may go through PgBouncer in transaction mode (1.21+ with max_prepared_statements, or set DATABASE_PREPARED_STATEMENTS=false)" },
  { key: "WORKER_DATABASE_URL", required: true, meaning: "PostgreSQL for the worker and migrations: a direct or session-mode connection (LISTEN/NOTIFY, advisory locks)" },
  { key: "AUTH_SECRET", required: true, meaning: "session signing secret, the same for both apps (openssl rand -base64 32)" },
  { key: "STRIPE_SECRET_KEY", required: true, meaning: "Stripe secret key (sk_live_… in prod, sk_test_… elsewhere)" },
  { key: "STRIPE_PUBLISHABLE_KEY", required: true, meaning: "Stripe publishable key (pk_…), same mode as the secret key" },
  { key: "STRIPE_WEBHOOK_SECRET", required: true, meaning: "signing secret of the Stripe webhook endpoint (whsec_…)" },
  { key: "WAREHOUSE_WEBHOOK_SECRET", required: true, meaning: "secret shared with the warehouse system (or the staging simulator)" },
  { key: "SMTP_URL", required: true, meaning: "smtps://user:password@host:465 for outgoing email" },
  { key: "METRICS_TOKEN", required: true, meaning: "bearer token Prometheus sends to /api/metrics (openssl rand -hex 24)" },
  { key: "ALGOLIA_ADMIN_KEY", required: false, meaning: "Algolia admin key; needed (and referenced) only where the environment sets ALGOLIA_APP_ID, else PostgreSQL search" },
  { key: "ALGOLIA_SEARCH_KEY", required: false, meaning: "Algolia search-only key, with ALGOLIA_ADMIN_KEY" },
  { key: "S3_ACCESS_KEY_ID", required: false, meaning: "object storage key; absent: the pod's cloud identity (default credential chain)" },
  { key: "S3_SECRET_ACCESS_KEY", required: false, meaning: "object storage secret, with S3_ACCESS_KEY_ID" },
];

export function secretKey(key: string): SecretKey {
  const found = SECRET_KEYS.find((k) => k.key === key);
  if (!found) throw new Error(`${key} is not a documented key of ${SECRET_NAME}`);
  return found;
}
