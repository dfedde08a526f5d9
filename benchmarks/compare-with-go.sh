#!/usr/bin/env bash
# Section 4.3's decoders in JMH, and the Go benchmark in benchmarks/go beside them in the same
# sitting (Go before and after Java, so drift shows), then one table: ns per frame, GB/s, bytes
# allocated per frame, and Java's throughput divided by Go's. Without Go installed it runs the Java
# side alone. See benchmarks/README.md for the settings and why.
#
#   bash benchmarks/compare-with-go.sh            # build, run, print (about 9 minutes)
#   GO_COUNT=3 JMH_OPTS='-f 1' bash benchmarks/compare-with-go.sh    # a quicker, rougher look
#   bash benchmarks/compare-with-go.sh --report   # print the table again from the last run
set -euo pipefail
cd "$(dirname "$0")/.."

out=benchmarks/target/compare
mkdir -p "$out"
go_count=${GO_COUNT:-5}

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

report() {
  echo
  echo "== Decoding one frame from memory (Java: score ± 99.9 % error; Go: mean of $((2 * go_count)) runs, min-max)"
  awk -F, -v go_files="$(ls "$out"/go-*.txt 2>/dev/null | tr '\n' ' ')" '
    BEGIN {
      n = split(go_files, files, " ")
      for (f = 1; f <= n; f++) {
        while ((getline line < files[f]) > 0) {
          if (line !~ /^BenchmarkDecode\//) continue
          nw = split(line, w, /[ \t]+/)
          split(w[1], name, "/"); sub(/-[0-9]+$/, "", name[3])
          key = name[2] "/" name[3]
          for (i = 2; i < nw; i++) {
            if (w[i + 1] == "ns/op") { ns = w[i] + 0; gsum[key] += ns; gcount[key]++
              if (!(key in gmin) || ns < gmin[key]) gmin[key] = ns
              if (!(key in gmax) || ns > gmax[key]) gmax[key] = ns }
            if (w[i + 1] == "B/op") galloc[key] = w[i]
          }
        }
      }
    }
    { gsub(/["\r]/, "") }  # JMH quotes names and ends lines with CRLF
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    {
      bench = $col["Benchmark"]; sub(/.*TlvBenchmark\./, "", bench)
      key = $col["Param: type"] "/" $col["Param: size"]
      if (bench ~ /:gc\.alloc\.rate\.norm$/) { sub(/:.*/, "", bench); alloc[bench "|" key] = $col["Score"]; next }
      if (bench ~ /:/) next
      score[bench "|" key] = $col["Score"]; err[bench "|" key] = $col["Score Error (99.9%)"]
      rows[++nrows] = bench "|" key
    }
    END {
      printf "%-10s %-8s %-17s %12s %8s %8s %12s %24s %8s %12s %9s\n", "value", "type", "decoder",
        "ns/frame", "±", "GB/s", "B/frame", "Go ns/frame (min-max)", "Go GB/s", "Go B/frame", "Java÷Go"
      for (r = 1; r <= nrows; r++) {
        split(rows[r], p, "|"); split(p[2], k, "/")
        bytes = k[2] + 5; ns = 1e9 / score[rows[r]]; pm = 100 * err[rows[r]] / score[rows[r]]
        gns = (p[2] in gcount) ? gsum[p[2]] / gcount[p[2]] : 0
        printf "%-10s %-8s %-17s %12.1f %7.1f%% %8.2f %12.0f", k[2], k[1], p[1], ns, pm, bytes / ns, alloc[rows[r]]
        if (gns > 0) printf " %10.1f (%.1f-%.1f) %8.2f %12s %8.2fx\n", gns, gmin[p[2]], gmax[p[2]], bytes / gns, galloc[p[2]], gns / ns
        else printf " %24s %8s %12s %9s\n", "-", "-", "-", "-"
      }
    }' "$out/jmh.csv" | tee "$out/table.txt"
  echo "(Java÷Go above 1 means Java decodes more frames per second. Raw output in $out/.)"
}

if [ "${1:-}" = --report ]; then
  report
  exit 0
fi

echo "== load before: $(uptime)"
echo "== building the benchmarks (./mvnw -q -Pbench package -DskipTests)"
./mvnw -q -Pbench package -DskipTests

have_go=false
if command -v go >/dev/null 2>&1; then
  have_go=true
  echo "== $(go version)"
else
  echo "== no 'go' on PATH: the Java side only (Debian/Ubuntu: apt-get install golang-go)"
fi

run_go() {
  echo "== Go, sitting $1: go test -bench Decode -benchmem -count $go_count (benchmarks/go)"
  (cd benchmarks/go && go test -run '^$' -bench Decode -benchmem -count "$go_count") | tee "$out/go-$1.txt"
}

rm -f "$out"/go-*.txt
$have_go && run_go 1
echo "== Java: TlvBenchmark.decode*, with the gc profiler"
# shellcheck disable=SC2086 # JMH_OPTS is a list of options
"$java" -jar benchmarks/target/benchmarks.jar 'TlvBenchmark\.decode' -prof gc ${JMH_OPTS:-} \
  -rf csv -rff "$out/jmh.csv" | tee "$out/jmh.txt"
$have_go && run_go 2
echo "== load after: $(uptime)"

report
