# shellcheck shell=bash
# Sourced by scripts/test.sh: the manifest tests (tools/k8s) render k8s/overlays with `kubectl kustomize`, which
# needs kubectl with kustomize v5 or later (components, labels). Installs the `kubectl` package with apt-get when
# it is missing. Debian's own `kubernetes-client` (kubectl 1.20, kustomize v2) is too old, so it is not a fallback.

kubectl_kustomize_major() {
  kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9]*\).*/\1/p'
}

kubectl_is_usable() {
  command -v kubectl >/dev/null && [[ "$(kubectl_kustomize_major)" -ge 5 ]] 2>/dev/null
}

ensure_kubectl() {
  kubectl_is_usable && return 0
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "kubectl with kustomize v5+ is missing: installing the kubectl package with apt-get" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubectl >&2 || true
  fi
  kubectl_is_usable && return 0
  echo "ERROR: the manifest tests need kubectl with kustomize v5 or later (kubectl 1.27+): install kubectl" >&2
  return 1
}

ensure_kubectl
