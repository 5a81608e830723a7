#!/usr/bin/env bash
# Runs every benchmark of the project and writes BENCHMARKS.md (see docs/benchmarks.md).
#   bench/run.sh          quick mode: every figure at small sizes, a sanity run (budget: 3 minutes on an idle
#                         2-core machine, compilation included); writes target/BENCHMARKS-quick.md
#   bench/run.sh --full   full mode: the sizes of the issues, for the published table BENCHMARKS.md (bounded by
#                         BENCH_TOTAL); with BENCH_ONLY it writes target/BENCHMARKS-only.md instead
# Environment:
#   BENCH_ONLY=Ingestion  only the benchmark classes whose name contains the word (or one of several: Codec,Bridge)
#   BENCH_TIMEOUT=900     seconds one class may run before it is stopped and listed as FAILED (quick 300, full 900)
#   BENCH_TOTAL=2700      seconds the whole run may take; a class gets at most what is left (quick 900, full 2700)
#   BENCH_OUT=file.md     where to write the table instead
#   BENCH_CDS=0           no class-data-sharing archive (by default one is built for the dependency jars after the
#                         first run and reused while they stay the same: it saves seconds of every hub start)
# The HTTP figures use wrk when it is on the PATH (installed here from Debian packages when missing and running as
# root), else a Java HttpClient load client. PostgreSQL figures need 127.0.0.1:5432 (user postgres, database test,
# trust auth); without it they are listed as skipped.
# Each benchmark is a class named *Benchmark with a main method under src/test/java; it prints its figures as
# BENCH|name|value|unit|baseline name|baseline|ratio|target|met lines (see BenchReport.java).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=quick
case "${1:-}" in
  "") ;;
  --full) mode=full ;;
  -h | --help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: bench/run.sh [--full]   (bench/run.sh --help for the options)" >&2; exit 2 ;;
esac
only="${BENCH_ONLY:-}"
# Only a full run of every class replaces the published table; a sanity or partial run must not clobber it.
if [ "$mode" = quick ]; then default_out=target/BENCHMARKS-quick.md
elif [ -n "$only" ]; then default_out=target/BENCHMARKS-only.md
else default_out=BENCHMARKS.md; fi
out="${BENCH_OUT:-$default_out}"
per_class_timeout="${BENCH_TIMEOUT:-$([ "$mode" = full ] && echo 900 || echo 300)}"
total_budget="${BENCH_TOTAL:-$([ "$mode" = full ] && echo 2700 || echo 900)}"
now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
# CPU seconds (user + system) of the children this shell has waited for so far; `times` must run in this shell,
# not in a command substitution's subshell.
children_cpu() {
  times > target/bench-shell-times.txt
  awk 'END { t = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); t += p[1] * 60 + p[2] } printf "%.1f", t }' target/bench-shell-times.txt
}

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
started=$(now)
mkdir -p target
children_cpu > target/bench-cpu-before.txt

# Maven takes 10-20 s even when nothing changed, so it runs only when a file under src/ or the pom changed (names,
# times or sizes) since the last successful compile of this script.
fingerprint="$(find pom.xml src -type f -printf '%p %T@ %s\n' | sort | sha1sum | cut -c1-40)"
if [ -d target/test-classes ] && [ "$(cat target/bench-compiled.stamp 2>/dev/null)" = "$fingerprint" ]; then
  echo "== tests already compiled (no change under src/ or in pom.xml since)" >&2
else
  echo "== compiling (test-compile)" >&2
  ./mvnw -B -ntp -q -Dspotless.check.skip=true -DskipTests test-compile
  echo "$fingerprint" > target/bench-compiled.stamp
fi
if [ ! -s target/bench-classpath.txt ] || [ pom.xml -nt target/bench-classpath.txt ]; then
  ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
fi
compile_seconds=$(seconds_since "$started")
children_cpu > target/bench-cpu-after.txt
compile_cpu=$(awk -v a="$(cat target/bench-cpu-before.txt)" -v b="$(cat target/bench-cpu-after.txt)" 'BEGIN { printf "%.1f", b - a }')
# Jars first: a class-data archive holds only classes from jars, and the directories must follow them. No resource
# of target/classes or target/test-classes that is read at run time also exists in a dependency jar.
cp="$(cat target/bench-classpath.txt):target/test-classes:target/classes"

java_opts=(-Xms1g -Xmx4g)
cds_archive="target/bench-cds-$( (cat target/bench-classpath.txt; java -version 2>&1) | sha1sum | cut -c1-12).jsa"
classlists=""
cds_note="class-data archive: none (BENCH_CDS=0)"
if [ "${BENCH_CDS:-1}" != 0 ]; then
  if [ -s "$cds_archive" ]; then
    java_opts+=("-XX:SharedArchiveFile=$cds_archive")
    cds_note="class-data archive: $cds_archive"
  else
    classlists=target/bench-classlists
    rm -rf "$classlists" target/bench-cds-*.jsa
    mkdir -p "$classlists"
  fi
fi

results=target/bench-results.txt
timings=target/bench-times.txt
: > "$results"
: > "$timings"
mapfile -t classes < <(cd target/test-classes && find . -name '*Benchmark.class' ! -name '*_*' ! -name '*$*' \
  | sed 's|^\./||; s|\.class$||; s|/|.|g' | sort)
for cls in "${classes[@]}"; do
  if [ -n "$only" ]; then
    wanted=no
    for word in ${only//,/ }; do [[ "$cls" == *"$word"* ]] && wanted=yes; done
    [ "$wanted" = yes ] || continue
  fi
  short="${cls##*.}"
  log="target/bench-${cls//./-}.log"
  left=$(awk -v t="$total_budget" -v e="$(seconds_since "$started")" 'BEGIN { printf "%d", t - e }')
  limit=$(( left < per_class_timeout ? left : per_class_timeout ))
  if [ "$limit" -le 0 ]; then
    echo "== $short: not run, the run's budget of ${total_budget} s is spent" >&2
    echo "BENCH|$short|-|-|-|-|-|-|FAILED (not run: BENCH_TOTAL=${total_budget} s spent)" >> "$results"
    echo "$short|0|0|not run|0" >> "$timings"
    continue
  fi
  echo "== $short ($mode, at most ${limit} s)" >&2
  extra=()
  [ -n "$classlists" ] && extra=("-XX:DumpLoadedClassList=$classlists/$short.lst")
  class_started=$(now)
  children_cpu > target/bench-cpu-before.txt
  status=0
  timeout -k 20 "$limit" java "${java_opts[@]}" "${extra[@]}" -Dbench.mode="$mode" -cp "$cp" "$cls" > "$log" 2>&1 || status=$?
  wall=$(seconds_since "$class_started")
  children_cpu > target/bench-cpu-after.txt
  cpu=$(awk -v a="$(cat target/bench-cpu-before.txt)" -v b="$(cat target/bench-cpu-after.txt)" 'BEGIN { printf "%.1f", b - a }')
  figures=$(grep -c '^BENCH|' "$log" || true)
  grep '^BENCH|' "$log" | tee -a "$results" >&2 || true
  if [ "$status" = 0 ] && [ "$figures" -gt 0 ]; then
    outcome=ok
  else
    case "$status" in
      0) outcome="no figures printed" ;;
      124) outcome="timed out after ${limit} s" ;;
      137) outcome="$(awk -v w="$wall" -v l="$limit" 'BEGIN { print (w >= l ? "timed out after " l " s" : "killed (SIGKILL) after " w " s, not by this script") }')" ;;
      *) outcome="exit status $status" ;;
    esac
    echo "   FAILED ($outcome); the end of $log:" >&2
    tail -n 40 "$log" | sed 's/^/   | /' >&2
    echo "BENCH|$short|-|-|-|-|-|-|FAILED: $outcome (log: $log)" >> "$results"
    outcome="FAILED: $outcome"
  fi
  echo "   ${wall} s wall, ${cpu} s CPU" >&2
  echo "$short|$wall|$cpu|$outcome|$figures" >> "$timings"
done
elapsed=$(seconds_since "$started")
load_after="$(uptime | sed 's/^ *//')"

if [ -n "$classlists" ] && ls "$classlists"/*.lst >/dev/null 2>&1; then
  # The union of the classes every benchmark loaded, in first-load order; ids are per JVM and only matter for
  # classes of custom loaders, which an archive of the class path does not take.
  echo "== building the class-data archive for the next runs ($cds_archive)" >&2
  cds_started=$(now)
  cat "$classlists"/*.lst | grep -v '^#' | grep -v ' source: ' | sed 's/ id: [0-9]*$//' | awk '!seen[$0]++' \
    > "$classlists/all.classlist"
  if java -Xshare:dump -XX:SharedClassListFile="$classlists/all.classlist" -XX:SharedArchiveFile="$cds_archive" \
    -cp "$(cat target/bench-classpath.txt)" > target/bench-cds-dump.log 2>&1; then
    cds_note="class-data archive: none during this run; built after it in $(seconds_since "$cds_started") s for the next runs"
  else
    rm -f "$cds_archive"
    cds_note="class-data archive: none (building one failed, see target/bench-cds-dump.log)"
  fi
fi

if [ -n "$only" ]; then
  budget_note="only the classes matching BENCH_ONLY=$only"
elif [ "$mode" = quick ]; then
  budget_note="$(awk -v e="$elapsed" 'BEGIN { print (e <= 180 ? "within" : "over") }') the quick-mode budget of 180 s (idle 2-core machine; mind the load above)"
else
  budget_note="bounded by BENCH_TOTAL=${total_budget} s"
fi
client="Java HttpClient (wrk not found)"
command -v wrk >/dev/null 2>&1 && client="$( (wrk --version 2>&1 || true) | head -1 | cut -d' ' -f1-2)"
met=$(awk -F'|' '$9 == "met"' "$results" | wc -l)
not_met=$(awk -F'|' '$9 == "NOT met"' "$results" | wc -l)
skipped=$(awk -F'|' '$9 ~ /^skipped/' "$results" | wc -l)
failed=$(awk -F'|' '$4 ~ /^FAILED/' "$timings" | wc -l)
ran=$(wc -l < "$timings")
{
  echo "# Benchmarks"
  echo
  echo "Produced by \`bench/run.sh${1:+ $1}\` ($mode mode) on $(date -u '+%Y-%m-%d %H:%M UTC') at commit"
  echo "\`$(git rev-parse --short HEAD 2>/dev/null || echo unknown)\`$(git diff --quiet HEAD -- . ':!BENCHMARKS.md' 2>/dev/null || echo ' (with uncommitted changes)'), in ${elapsed} s (compilation check ${compile_seconds} s; per class below)."
  echo
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/^Mem:/ {print $2}') GiB memory, $(java -version 2>&1 | head -1)."
  echo "- Load before: \`$load_before\`"
  echo "- Load after: \`$load_after\`"
  echo "- HTTP load client: $client; PostgreSQL: $( (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null && echo 'answered on 127.0.0.1:5432' || echo 'did not answer (its figures are skipped)'); $cds_note."
  echo
  echo "Every figure is measured beside its baseline in the same run; the ratio (value ÷ baseline) is the number to"
  echo "compare across machines. A load average well above the core count means other processes shared the cores and"
  echo "the absolute figures are depressed. How each figure is measured: [docs/benchmarks.md](docs/benchmarks.md)."
  if [ "$mode" = quick ]; then
    echo
    echo "**Quick mode**: smaller sizes and shorter runs than the issues' targets name (e.g. 1,000 hosts instead of"
    echo "10,000), so met / NOT met below is a sanity check; the published figures come from \`bench/run.sh --full\`."
  fi
  echo
  echo "| figure | value | unit | baseline | baseline value | ratio | target | status |"
  echo "|---|---|---|---|---|---|---|---|"
  while IFS='|' read -r _ name value unit bname bvalue ratio target status; do
    echo "| $name | $value | $unit | $bname | $bvalue | $ratio | $target | $status |"
  done < "$results"
  echo
  echo "**$met of $((met + not_met)) targets met** ($not_met NOT met; $skipped figures skipped; $failed of $ran benchmark classes failed$([ "$failed" = 0 ] || echo ', and the targets of a failed class are in neither count'))."
  echo
  echo "## Time per benchmark class"
  echo
  echo "| class | wall s | CPU s | figures | outcome |"
  echo "|---|---|---|---|---|"
  echo "| (compilation check) | $compile_seconds | $compile_cpu | - | - |"
  while IFS='|' read -r name wall cpu outcome figures; do
    echo "| $name | $wall | $cpu | $figures | $outcome |"
  done < "$timings"
  echo "| **total** | **$elapsed** | | | $budget_note |"
} > "$out"
echo "== $met of $((met + not_met)) targets met; $failed of $ran classes failed; ${elapsed} s; wrote $out" >&2
[ "$failed" = 0 ]
