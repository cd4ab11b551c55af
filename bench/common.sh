# Sourced by the shell benches: run from the project root, the shared eval
# corpus, the binary under test ($BIN, default build/overleg) and a
# temporary folder $tmp removed on exit.
cd "$(dirname "${BASH_SOURCE[1]}")/.."
eval_dir=../shared/eval
bin=${BIN:-build/overleg}
[ -x "$bin" ] || { echo "build first: .ci/build (or set BIN=)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
