#!/usr/bin/env bash
# Measures `Plan` on a synthetic repository of N images (default 1000) and compares it with two baselines over
# the same files: hashing them all (sha256sum over the file list) and listing them (git ls-files -s).
# Cases: cold (no digest cache), warm (nothing changed), and one file changed. Prints seconds and ratios.
#
# Usage: benchmarks/plan-benchmark.sh [IMAGES] [REGISTRY]
# Needs a registry to look the images up in (default 127.0.0.1:5000, as ./build.sh Test starts it) and python3.
set -euo pipefail

images="${1:-1000}"
registry="${2:-127.0.0.1:5000}"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/repo"

dotnet build "$root/build/_build.csproj" -c Release -o "$work/bin" -nologo -clp:NoSummary --verbosity quiet >/dev/null
python3 "$here/generate-repository.py" "$repo" --images "$images" >/dev/null
printf '{"Registry": ["%s"], "Namespace": "bench-%s"}\n' "$registry" "$$" >"$repo/.nuke/parameters.json"
git -C "$repo" init -q && git -C "$repo" add -A && git -C "$repo" -c user.name=b -c user.email=b@localhost commit -qm synthetic

files=$(git -C "$repo" ls-files | wc -l)
bytes=$(du -sb "$repo/images" | cut -f1)

# Prints the wall-clock seconds of a command, best of $runs.
measure() {
  local runs="$1"; shift
  local best=""
  for _ in $(seq 1 "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    best=$(echo "$start $end $best" | awk '{t=$2-$1; if ($3=="" || t<$3) print t; else print $3}')
  done
  echo "$best"
}

plan() { dotnet "$work/bin/_build.dll" --root "$repo" --no-logo Plan; }
hash_all() { (cd "$repo" && git ls-files -z | xargs -0 sha256sum); }
list_all() { git -C "$repo" ls-files -s; }

# The files must be at least the racy window (2 s) old, or the cache rightly refuses to trust them.
sleep 3
hashing=$(measure 3 hash_all)
listing=$(measure 5 list_all)
rm -f "$repo/.nuke/temp/digest-cache.tsv"
cold=$(measure 1 plan)
warm=$(measure 3 plan)
first=$(git -C "$repo" ls-files images | head -n 1)
echo "changed" >>"$repo/$first"
sleep 3
changed=$(measure 1 plan)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "Synthetic repository: $images images, $files files, $((bytes / 1024 / 1024)) MiB ($(nproc) cores)"
printf '%-34s %8s\n' "case" "seconds"
printf '%-34s %8.3f\n' "baseline: git ls-files -s" "$listing"
printf '%-34s %8.3f\n' "baseline: sha256sum of every file" "$hashing"
printf '%-34s %8.3f   %sx hashing baseline (goal 1.5)\n' "Plan, cold (no digest cache)" "$cold" "$(ratio "$cold" "$hashing")"
printf '%-34s %8.3f   %sx listing baseline (goal 2)\n' "Plan, warm, nothing changed" "$warm" "$(ratio "$warm" "$listing")"
printf '%-34s %8.3f   %sx warm no-op\n' "Plan, warm, one file changed" "$changed" "$(ratio "$changed" "$warm")"
