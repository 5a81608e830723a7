#!/usr/bin/env bash
# Runs every benchmark of the project and writes BENCHMARKS.md.
#   bench/run.sh          quick mode (a sanity run, a few minutes)
#   bench/run.sh --full   full mode (the published table)
# Each benchmark is a class named *Benchmark with a main method under src/test/java; it prints its figures as
# BENCH|name|value|unit|baseline name|baseline|ratio|target|met lines (see BenchReport.java).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=quick
[ "${1:-}" = "--full" ] && mode=full
only="${BENCH_ONLY:-}"

./mvnw -B -ntp -q -Dspotless.check.skip=true -DskipTests test-compile
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

results=target/bench-results.txt
: > "$results"
mapfile -t classes < <(cd target/test-classes && find . -name '*Benchmark.class' ! -name '*_*' ! -name '*$*' \
  | sed 's|^\./||; s|\.class$||; s|/|.|g' | sort)
for cls in "${classes[@]}"; do
  if [ -n "$only" ] && [[ "$cls" != *"$only"* ]]; then continue; fi
  echo "== $cls ($mode)" >&2
  log="target/bench-$(basename "${cls//./-}").log"
  if java -Xms1g -Xmx4g -Dbench.mode="$mode" -cp "$cp" "$cls" > "$log" 2>&1; then
    grep '^BENCH|' "$log" | tee -a "$results" >&2 || echo "   (no figures printed, see $log)" >&2
  else
    echo "   FAILED, see $log" >&2
    echo "BENCH|$cls|-|-|-|-|-|-|FAILED (see $log)" >> "$results"
  fi
done

{
  echo "# Benchmarks"
  echo
  echo "Produced by \`bench/run.sh${1:+ $1}\` ($mode mode) on $(date -u '+%Y-%m-%d %H:%M UTC')."
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB memory, $(java -version 2>&1 | head -1)."
  echo "Every figure is measured beside its baseline in the same run; the ratio is the figure to compare across machines."
  echo
  echo "| figure | value | unit | baseline | baseline value | ratio | target | status |"
  echo "|---|---|---|---|---|---|---|---|"
  while IFS='|' read -r _ name value unit bname bvalue ratio target met; do
    echo "| $name | $value | $unit | $bname | $bvalue | $ratio | $target | $met |"
  done < "$results"
} > BENCHMARKS.md
echo "wrote BENCHMARKS.md" >&2
