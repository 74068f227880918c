#!/usr/bin/env bash
# Measures `Plan` on a synthetic repository of N images (default 1000) and compares it with two baselines over
# the same files: hashing them all (sha256sum over the file list) and listing them (git ls-files -s).
# Cases: cold (no digest cache), warm (nothing changed), one small file changed and one large file changed. It
# also times the .NET process start alone (`--help` in an empty repository) and the registry lookups alone (one
# manifest GET per image with curl, 8 at once, as Plan makes them). Last, it checks that an edit which keeps a
# file's size and modification time changes the fingerprint. Prints seconds and ratios; it asserts no time limits.
#
# Usage: benchmarks/plan-benchmark.sh [IMAGES] [REGISTRY]
# Needs python3, git and a registry to look the images up in (default 127.0.0.1:5000, as ./build.sh Test starts
# it). The images are never pushed, so every lookup returns "not found". Each command is stopped after
# BENCH_TIMEOUT seconds (default 600), and the temporary folder is removed on exit.
set -euo pipefail

images="${1:-1000}"
registry="${2:-127.0.0.1:5000}"
limit="${BENCH_TIMEOUT:-600}"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/slipway-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
repo="$work/repo"
log="$work/last-command.log"

# Runs a command with the time limit. On failure it prints the command's output and stops the benchmark.
run() {
  if ! timeout "$limit" "$@" >"$log" 2>"$log.err"; then
    echo "failed or timed out after ${limit}s: $*" >&2
    tail -n 30 "$log" "$log.err" >&2
    exit 1
  fi
}

# Prints the wall-clock seconds of a command, best of $1 runs.
measure() {
  local runs="$1" best="" start end
  shift
  for _ in $(seq 1 "$runs"); do
    start=$(date +%s.%N)
    run "$@"
    end=$(date +%s.%N)
    best=$(awk -v s="$start" -v e="$end" -v b="$best" 'BEGIN { t = e - s; print (b == "" || t < b) ? t : b }')
  done
  echo "$best"
}

run dotnet build "$root/build/_build.csproj" -c Release -o "$work/bin" -nologo
run python3 "$here/generate-repository.py" "$repo" --images "$images"
printf '{"Registry": ["%s"], "Namespace": "bench-%s"}\n' "$registry" "$$" >"$repo/.nuke/parameters.json"
run git -C "$repo" init -q
# Automatic gc would run in the background after the commit and could still write .git during the cleanup.
run git -C "$repo" config gc.auto 0
run git -C "$repo" config maintenance.auto false
run git -C "$repo" add -A
run git -C "$repo" -c user.name=bench -c user.email=bench@localhost commit -qm synthetic

files=$(git -C "$repo" ls-files | wc -l)
bytes=$(du -sb "$repo/images" | cut -f1)

plan=(dotnet "$work/bin/_build.dll" Plan --root "$repo" --no-logo)
mkdir -p "$work/empty/.nuke"
startup=(dotnet "$work/bin/_build.dll" --help --root "$work/empty" --no-logo)
urls=()
while read -r dockerfile; do
  image=$(dirname "$dockerfile")
  urls+=("http://$registry/v2/bench-$$/$(basename "$(dirname "$image")")/manifests/$(basename "$image")")
done < <(git -C "$repo" ls-files 'images/*/Dockerfile')
lookups=(curl -s -Z --parallel-max 8 -o /dev/null "${urls[@]}")
hash_all=(bash -c 'cd "$1" && git ls-files -z | xargs -0 sha256sum' hash "$repo")
hash_parallel=(bash -c 'cd "$1" && git ls-files -z | xargs -0 -P "$2" -n 200 sha256sum' hash "$repo" "$(nproc)")
list_all=(git -C "$repo" ls-files -s)

# Prints the fingerprint of one image from a `Plan --json` output file. The JSON object is cut out of the output
# because the build host also prints its target header and summary on standard output.
fingerprint() {
  python3 -c 'import json, sys
text = open(sys.argv[1]).read()
plan, _ = json.JSONDecoder().raw_decode(text[text.index("{"):])
print(next(i["fingerprint"] for i in plan["images"] if i["id"] == sys.argv[2]))' "$1" "$2"
}

# Files modified less than 2 s before they are hashed are never trusted from the cache, so let them age first.
sleep 3
startup_seconds=$(measure 5 "${startup[@]}")
lookup_seconds=$(measure 3 "${lookups[@]}")
hashing=$(measure 3 "${hash_all[@]}")
hashing_parallel=$(measure 3 "${hash_parallel[@]}")
listing=$(measure 5 "${list_all[@]}")
rm -f "$repo/.nuke/temp/digest-cache.tsv"
cold=$(measure 1 "${plan[@]}")
warm=$(measure 5 "${plan[@]}")
# Peak resident memory of one warm Plan, in MiB, from GNU time when it is installed.
peak_memory="n/a"
if [[ -x /usr/bin/time ]]; then
  /usr/bin/time -f '%M' -o "$work/peak-kib" "${plan[@]}" >/dev/null 2>&1 || true
  peak_memory="$(awk '{ printf "%.0f MiB", $1 / 1024 }' "$work/peak-kib")"
fi

# One small file changed: the first non-Dockerfile file of the first image, same size, new content.
small=$(git -C "$repo" ls-files 'images/app0000/1.0/*' |
  awk '!/Dockerfile$/ && !found { found = $0 } END { print found }')
python3 -c 'import os, sys; p = sys.argv[1]; n = os.path.getsize(p); open(p, "wb").write(os.urandom(n))' "$repo/$small"
sleep 3
changed_small=$(measure 1 "${plan[@]}")

# One large file added: 64 MiB in the last image, to show that the cost follows the changed bytes.
large_image=$(git -C "$repo" ls-files 'images/*/Dockerfile' | awk 'END { print $0 }')
head -c $((64 * 1024 * 1024)) /dev/urandom >"$repo/$(dirname "$large_image")/large.bin"
sleep 3
changed_large=$(measure 1 "${plan[@]}")

# An edit that keeps the size and the modification time must still change the fingerprint.
run "${plan[@]}" --json
cp "$log" "$work/before.json"
target="$repo/$small"
stamp=$(stat -c %y "$target")
python3 -c 'import sys
p = sys.argv[1]; d = bytearray(open(p, "rb").read()); d[0] ^= 0xff; open(p, "wb").write(d)' "$target"
touch -d "$stamp" "$target"
sleep 3
run "${plan[@]}" --json
if [[ "$(fingerprint "$work/before.json" app0000/1.0)" == "$(fingerprint "$log" app0000/1.0)" ]]; then
  edit_check="FAILED: the fingerprint did not change"
else
  edit_check="passed: the fingerprint changed"
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
row() { printf '%-40s %8.3f   %s\n' "$1" "$2" "${3:-}"; }
echo "Synthetic repository: $images images, $files files, $((bytes / 1024 / 1024)) MiB; $(nproc) cores"
printf '%-40s %8s\n' "case" "seconds"
row "baseline: git ls-files -s" "$listing"
row "baseline: sha256sum of every file" "$hashing"
row "sha256sum, $(nproc) processes (for reference)" "$hashing_parallel"
row ".NET start (--help, no images)" "$startup_seconds"
row "$images manifest GETs (curl, 8 at once)" "$lookup_seconds"
row "Plan, cold (no digest cache)" "$cold" "$(ratio "$cold" "$hashing")x hashing baseline (goal 1.5)"
row "Plan, warm, nothing changed" "$warm" "$(ratio "$warm" "$listing")x listing baseline (goal 2), peak memory $peak_memory"
row "Plan, warm, one small file changed" "$changed_small" "$(ratio "$changed_small" "$warm")x warm no-op"
row "Plan, warm, 64 MiB file added" "$changed_large" "$(ratio "$changed_large" "$warm")x warm no-op"
echo "Edit keeping size and mtime: $edit_check"
