#!/usr/bin/env bash
# Per-call cost of an older commit and of this tree, measured by the same harness (PerCallCost) one after the other:
#   bash benchmarks/compare-per-call.sh <older-commit>      (BENCH_OPTS="-Dbench.calls=2000" to scale)
# The older commit is built in a git worktree under benchmarks/target/; its component (and client, if it has that
# module) replace this tree's jars on the harness's classpath. The emulator is this tree's in both runs.
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: compare-per-call.sh <older-commit>}
before=benchmarks/target/before-$old
mvn -B -q -Pbench -pl benchmarks -am -DskipTests package
if [ ! -d "$before" ]; then
  git worktree add -f -q "$before" "$old"
fi
modules=tiledb-cloud-emulator,camel-tiledb-component
[ -d "$before/tiledb-cloud-client" ] && modules=tiledb-cloud-emulator,tiledb-cloud-client,camel-tiledb-component
(cd "$before" && mvn -B -q -o -DskipTests package -pl "$modules")
shopt -s nullglob
old_jars=
for jar in "$before"/camel-tiledb-component/target/camel-tiledb-*.jar "$before"/tiledb-cloud-client/target/tiledb-cloud-client-*.jar; do
  case "$jar" in *-tests.jar) ;; *) old_jars="$old_jars:$jar" ;; esac
done
new_cp=$(tr ':' '\n' < benchmarks/target/probe.classpath | grep -v -e '/camel-tiledb-component/target/' -e '/tiledb-cloud-client/target/' | paste -sd:)
echo "== before ($old)"
java ${BENCH_OPTS:-} -Dbench.dir=benchmarks -cp "benchmarks/target/classes$old_jars:$new_cp" dev.cameltiledb.bench.PerCallCost 2>/dev/null
echo "== after ($(git rev-parse --short HEAD))"
java ${BENCH_OPTS:-} -Dbench.dir=benchmarks -cp "benchmarks/target/classes:$(cat benchmarks/target/probe.classpath)" dev.cameltiledb.bench.PerCallCost 2>/dev/null
