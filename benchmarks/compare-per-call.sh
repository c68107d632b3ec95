#!/usr/bin/env bash
# Per-call cost of an older commit and of this tree, measured by the same harness (PerCallCost) one after the other:
#   bash benchmarks/compare-per-call.sh <older-commit>      (BENCH_OPTS="-Dbench.calls=2000" to scale)
# The older commit is built in a git worktree under benchmarks/target/; the jars of its client-side modules (the
# component, the client and the common modules they share, as far as it has them) replace this tree's on the harness's
# classpath. The emulator is this tree's in both runs.
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: compare-per-call.sh <older-commit>}
before=benchmarks/target/before-$old
mvn -B -q -Pbench -pl benchmarks -am -DskipTests package
if [ ! -d "$before" ]; then
  git worktree add -f -q "$before" "$old"
fi
modules=
for m in camel-component-common rest-client-common tiledb-cloud-client camel-tiledb-component; do
  [ -d "$before/$m" ] && modules="$modules,$m"
done
modules=${modules#,}
(cd "$before" && mvn -B -q -o -DskipTests package -pl "$modules" -am)
shopt -s nullglob
old_jars=
excluded=()
for m in ${modules//,/ }; do
  for jar in "$before/$m"/target/*.jar; do
    case "$jar" in *-tests.jar | *-sources.jar | *-javadoc.jar) ;; *) old_jars="$old_jars:$jar" ;; esac
  done
  excluded+=(-e "/$m/target/")
done
new_cp=$(tr ':' '\n' < benchmarks/target/probe.classpath | grep -v "${excluded[@]}" | paste -sd:)
echo "== before ($old)"
java ${BENCH_OPTS:-} -Dbench.dir=benchmarks -cp "benchmarks/target/classes$old_jars:$new_cp" dev.cameltiledb.bench.PerCallCost 2>/dev/null
echo "== after ($(git rev-parse --short HEAD))"
java ${BENCH_OPTS:-} -Dbench.dir=benchmarks -cp "benchmarks/target/classes:$(cat benchmarks/target/probe.classpath)" dev.cameltiledb.bench.PerCallCost 2>/dev/null
