#!/usr/bin/env bash
# Starts a private Docker engine and an OCI registry that listen on this machine only, for machines without Docker.
# The engine runs without a bridge network, firewall changes or IP forwarding, so no container traffic leaves
# loopback. Everything it starts is recorded in pid files under the state folder, so that it can be stopped by id.
#
# Usage: start-local-engine.sh [--registry HOST:PORT] [--registry-only]
# Prints DOCKER_HOST=<socket URL> on its last line. Environment: SLIPWAY_ENGINE_DIR (state folder, default
# /tmp/slipway-engine); SLIPWAY_BASE_IMAGES (base images to make locally, default "busybox:1.36").
set -euo pipefail

registry=""
registry_only=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --registry) registry="$2"; shift 2 ;;
    --registry-only) registry_only=true; shift ;;
    *) echo "start-local-engine.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

state="${SLIPWAY_ENGINE_DIR:-/tmp/slipway-engine}"
socket="$state/docker.sock"
export DOCKER_HOST="unix://$socket"
mkdir -p "$state"

log() { echo "[local-engine] $*" >&2; }

install_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  [[ -x /bin/busybox ]] || missing+=(busybox-static)
  command -v htpasswd >/dev/null || missing+=(apache2-utils)
  [[ ${#missing[@]} -eq 0 ]] && return
  if [[ $(id -u) -ne 0 ]]; then
    log "missing Debian packages: ${missing[*]}; install them as root (apt-get install ${missing[*]}) and rerun"
    exit 1
  fi
  log "installing Debian packages: ${missing[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# The docker.io package brings its own client at /usr/bin/docker; prefer it because it matches the engine.
docker_client() { if [[ -x /usr/bin/docker ]]; then echo /usr/bin/docker; else command -v docker; fi; }

engine_ready() { "$(docker_client)" info >/dev/null 2>&1; }

start_engine() {
  if [[ -S "$socket" ]] && engine_ready; then
    log "engine already running at $DOCKER_HOST"
    return
  fi
  log "starting dockerd at $DOCKER_HOST (log: $state/dockerd.log)"
  setsid dockerd --bridge=none --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false \
    --data-root "$state/root" --exec-root "$state/exec" --pidfile "$state/dockerd.pid" \
    -H "$DOCKER_HOST" >"$state/dockerd.log" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do
    engine_ready && return
    sleep 1
  done
  log "dockerd did not answer within 60 seconds; last lines of $state/dockerd.log:"
  tail -n 20 "$state/dockerd.log" >&2
  exit 1
}

registry_ready() { curl -fsS --max-time 2 "http://$1/v2/" >/dev/null 2>&1; }

start_registry() {
  local address="$1" host="${1%:*}"
  case "$host" in
    127.*|localhost) ;;
    *) log "registry $address is not on loopback; not starting one"; return ;;
  esac
  if registry_ready "$address"; then
    log "registry already answering at $address"
    return
  fi
  local folder="$state/registry-${address//[:.]/-}"
  mkdir -p "$folder/data"
  cat >"$folder/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $folder/data
  delete:
    enabled: true
http:
  addr: $address
YAML
  log "starting registry at $address (log: $folder/registry.log)"
  setsid docker-registry serve "$folder/config.yml" >"$folder/registry.log" 2>&1 < /dev/null &
  echo $! >"$folder/registry.pid"
  for _ in $(seq 1 30); do
    registry_ready "$address" && return
    sleep 0.5
  done
  log "registry did not answer at $address; see $folder/registry.log"
  exit 1
}

# Base images cannot be pulled here, so each one is made from the static busybox binary under the same
# name as the public image it stands for.
make_base_images() {
  local client; client="$(docker_client)"
  for reference in ${SLIPWAY_BASE_IMAGES:-busybox:1.36}; do
    if "$client" image inspect "$reference" >/dev/null 2>&1; then continue; fi
    log "making local base image $reference from /bin/busybox"
    local rootfs; rootfs="$(mktemp -d)"
    mkdir -p "$rootfs"/{bin,etc,tmp,root,home,var/www}
    cp /bin/busybox "$rootfs/bin/busybox"
    for applet in $("$rootfs/bin/busybox" --list); do
      [[ "$applet" == busybox ]] || ln -sf busybox "$rootfs/bin/$applet"
    done
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' >"$rootfs/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
    chmod 1777 "$rootfs/tmp"
    tar -C "$rootfs" -c . | "$client" import --change 'CMD ["sh"]' - "$reference" >/dev/null
    rm -rf "$rootfs"
  done
}

install_packages
if [[ "$registry_only" == true ]]; then
  [[ -n "$registry" ]] && start_registry "$registry"
  exit 0
fi
start_engine
[[ -n "$registry" ]] && start_registry "$registry"
make_base_images
echo "DOCKER_HOST=$DOCKER_HOST"
