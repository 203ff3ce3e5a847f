#!/usr/bin/env bash
# The runtime benchmark of issue #5, in one command: builds the bench module and runs
# io.connectsdk.bench.runtime.RuntimeBench, which starts an embedded Kafka broker in its own JVM and
# runs the same source and sink workloads on connect-sdk's standalone worker, Apache Kafka Connect
# 4.4's standalone worker and the raw Kafka clients (each in a fresh JVM), prints records/s, MB/s,
# start-to-first-record, peak RSS and the ratios, and writes them into docs/benchmarks.md.
#
#   bench/run-runtime-bench.sh                      # defaults: 1,000,000 records of 100 bytes, 3 runs
#   bench/run-runtime-bench.sh --records 500000 --record-size 100 --runs 3
#   bench/run-runtime-bench.sh --help               # every option
#
# Environment: CONNECTSDK_BUILD_DIR (build output folder per module, default target),
# SKIP_BUILD=1 to reuse the jar already built, JAVA_HOME to pick the JDK (17 or later).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${CONNECTSDK_BUILD_DIR:-target}"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -pl bench -am package -Dmaven.test.skip=true -Dconnectsdk.build.dir="$build_dir"
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" -cp "bench/$build_dir/connect-sdk-benchmarks.jar" io.connectsdk.bench.runtime.RuntimeBench "$@"
