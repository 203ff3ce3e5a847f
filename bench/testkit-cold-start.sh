#!/usr/bin/env bash
# Times the cold start of @ConnectTest (issue #6): fresh JVMs, each running one @ConnectTest of the
# file example plugin (exploded) through the JUnit Platform, from JVM start to the first record
# asserted. Figures go to docs/benchmarks.md, "@ConnectTest cold start (issue #6)".
#
# Usage: bench/testkit-cold-start.sh [runs [--jvm-arg ARG]...]   (runs default 10; Maven may be offline)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-10}"
B="${CONNECTSDK_BENCH_BUILD_DIR:-target-coldstart}"

# Compile the file example, the test kit and this module, and write each module's
# test class path (reactor modules resolve to their class folders, as Surefire sees them).
mvn -B -q -pl examples/file,bench -am -Dconnectsdk.build.dir="$B" -DskipTests \
    compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$B/test.classpath"

FILE_CP="examples/file/$B/classes:$(cat "examples/file/$B/test.classpath")"
BENCH_CP="bench/$B/classes:$(cat "bench/$B/test.classpath")"
# The child: the plugin project's test class path (as Surefire gives it), plus the probe class, the
# JUnit Platform launcher (Surefire brings its own) and an SLF4J binding for the test kit's timing line.
EXTRA=$(tr ':' '\n' < "bench/$B/test.classpath" | grep -E '/(junit-platform-launcher|slf4j-simple)-[^/]*\.jar$' | paste -sd: -)
CHILD_CP="$FILE_CP:bench/$B/classes:$EXTRA"

java -cp "$BENCH_CP" io.connectsdk.bench.testkit.ConnectTestColdStart --runs "$RUNS" "${@:2}" \
    --classpath "$CHILD_CP" --plugin-classes "examples/file/$B/classes"
