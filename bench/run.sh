#!/usr/bin/env bash
# Runs every benchmark of the project and writes BENCHMARKS.md.
#   bench/run.sh          quick mode (a sanity run: about 3 minutes on an idle 2-core machine)
#   bench/run.sh --full   full mode (the published table, well under 30 minutes)
#   BENCH_ONLY=Ingestion bench/run.sh   only the benchmark classes whose name contains the word
# The HTTP figures use wrk when it is on the PATH (installed here from Debian packages when missing and running as
# root), else a Java HttpClient load client. PostgreSQL figures need 127.0.0.1:5432 (user postgres, database test,
# trust auth); without it they are listed as skipped.
# Each benchmark is a class named *Benchmark with a main method under src/test/java; it prints its figures as
# BENCH|name|value|unit|baseline name|baseline|ratio|target|met lines (see BenchReport.java).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=quick
[ "${1:-}" = "--full" ] && mode=full
only="${BENCH_ONLY:-}"
per_class_timeout="${BENCH_TIMEOUT:-$([ "$mode" = full ] && echo 900 || echo 420)}"

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing wrk (Debian package) for the HTTP figures" >&2
    apt-get install -y -qq wrk >/dev/null 2>&1 || (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq wrk >/dev/null 2>&1) \
      || echo "   wrk could not be installed; the HTTP figures use the Java load client" >&2
  else
    echo "== wrk not found; the HTTP figures use the Java load client" >&2
  fi
fi
load_before="$(uptime | sed 's/^ *//')"
started=$(date +%s)

./mvnw -B -ntp -q -Dspotless.check.skip=true -DskipTests test-compile
if [ ! -s target/bench-classpath.txt ] || [ pom.xml -nt target/bench-classpath.txt ]; then
  ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
fi
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

results=target/bench-results.txt
: > "$results"
mapfile -t classes < <(cd target/test-classes && find . -name '*Benchmark.class' ! -name '*_*' ! -name '*$*' \
  | sed 's|^\./||; s|\.class$||; s|/|.|g' | sort)
for cls in "${classes[@]}"; do
  if [ -n "$only" ] && [[ "$cls" != *"$only"* ]]; then continue; fi
  echo "== $cls ($mode)" >&2
  log="target/bench-$(basename "${cls//./-}").log"
  if timeout "$per_class_timeout" java -Xms1g -Xmx4g -Dbench.mode="$mode" -cp "$cp" "$cls" > "$log" 2>&1; then
    grep '^BENCH|' "$log" | tee -a "$results" >&2 || echo "   (no figures printed, see $log)" >&2
  else
    echo "   FAILED, see $log" >&2
    echo "BENCH|$cls|-|-|-|-|-|-|FAILED (see $log)" >> "$results"
  fi
done

elapsed=$(( $(date +%s) - started ))
load_after="$(uptime | sed 's/^ *//')"
client="Java HttpClient (wrk not found)"
command -v wrk >/dev/null 2>&1 && client="$( (wrk --version 2>&1 || true) | head -1 | cut -d' ' -f1-2)"
{
  echo "# Benchmarks"
  echo
  echo "Produced by \`bench/run.sh${1:+ $1}\` ($mode mode) on $(date -u '+%Y-%m-%d %H:%M UTC') at commit"
  echo "\`$(git rev-parse --short HEAD 2>/dev/null || echo unknown)\`$(git diff --quiet -- . ':!BENCHMARKS.md' 2>/dev/null || echo ' (with uncommitted changes)'), in ${elapsed} s."
  echo
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/^Mem:/ {print $2}') GiB memory, $(java -version 2>&1 | head -1)."
  echo "- Load before: \`$load_before\`"
  echo "- Load after: \`$load_after\`"
  echo "- HTTP load client: $client; PostgreSQL: $( (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null && echo 'answered on 127.0.0.1:5432' || echo 'did not answer (its figures are skipped)')."
  echo
  echo "Every figure is measured beside its baseline in the same run; the ratio (value ÷ baseline) is the number to"
  echo "compare across machines. A load average well above the core count means other processes shared the cores and"
  echo "the absolute figures are depressed. How each figure is measured: [docs/benchmarks.md](docs/benchmarks.md)."
  echo
  echo "| figure | value | unit | baseline | baseline value | ratio | target | status |"
  echo "|---|---|---|---|---|---|---|---|"
  while IFS='|' read -r _ name value unit bname bvalue ratio target met; do
    echo "| $name | $value | $unit | $bname | $bvalue | $ratio | $target | $met |"
  done < "$results"
} > BENCHMARKS.md
echo "wrote BENCHMARKS.md" >&2
