#!/usr/bin/env bash
# Deploys one release to one environment:
#   deploy/kubernetes/deploy.sh <dev|staging|prod> <image tag> [registry]
# 1. renders and validates the manifests (packages/deploy) into .data/deploy/<env>/;
# 2. applies the namespace, ConfigMap and the release's migration Job, and waits for it: the
#    schema is migrated before any new pod starts (migrations are additive, so the old pods keep
#    working meanwhile);
# 3. applies the Deployments, Services, HPAs, PDBs and the Ingress, and waits for the rollouts.
# The Secret marketplace-secrets must exist in the namespace (README, "Deployment").
set -euo pipefail

env_name="${1:?usage: deploy.sh <dev|staging|prod> <image tag> [registry]}"
tag="${2:?usage: deploy.sh <dev|staging|prod> <image tag> [registry]}"
registry="${3:-}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/.data/deploy/$env_name"

args=(--env "$env_name" --tag "$tag" --out "$out")
if [ -n "$registry" ]; then args+=(--registry "$registry"); fi
pnpm --dir "$root" --filter @market/deploy render "${args[@]}"

namespace="$(sed -n 's/^  namespace: //p' "$out/10-migrate.yaml" | head -n 1)"
job="$(awk '/^kind: Job$/{found=1} found && /^  name: /{print $2; exit}' "$out/10-migrate.yaml")"

# The first time: kubectl create namespace <ns>, then the Secret (README, "Deployment").
if ! kubectl -n "$namespace" get secret marketplace-secrets >/dev/null 2>&1; then
  echo "error: secret marketplace-secrets is missing in namespace $namespace (see README, Deployment)" >&2
  exit 1
fi

kubectl apply -f "$out/10-migrate.yaml"
if ! kubectl -n "$namespace" wait --for=condition=complete "job/$job" --timeout=15m; then
  kubectl -n "$namespace" logs "job/$job" --tail=100 || true
  echo "error: migration job $job did not complete; the running release is untouched" >&2
  exit 1
fi

kubectl apply -f "$out/20-apps.yaml"
for deployment in $(kubectl -n "$namespace" get deployments -l app.kubernetes.io/part-of=marketplace -o name); do
  kubectl -n "$namespace" rollout status "$deployment" --timeout=10m
done
echo "Deployed $tag to $env_name ($namespace)."
