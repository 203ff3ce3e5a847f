package io.connectsdk.bench.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void threadsAreGroupedByWhatTheyDoUnderTheirProcNames() {
        // names as /proc/<pid>/task/<tid>/stat shows them: at most 15 characters
        assertThat(Progress.threadGroup("C2 CompilerThre")).isEqualTo("jit");
        assertThat(Progress.threadGroup("C1 CompilerThre")).isEqualTo("jit");
        assertThat(Progress.threadGroup("VM Thread")).isEqualTo("gc");
        assertThat(Progress.threadGroup("GC Thread#1")).isEqualTo("gc");
        assertThat(Progress.threadGroup("G1 Conc#0")).isEqualTo("gc");
        assertThat(Progress.threadGroup("kafka-producer-")).isEqualTo("io");
        assertThat(Progress.threadGroup("kafka-coordinat")).isEqualTo("io");
        assertThat(Progress.threadGroup("consumer_backgr")).isEqualTo("io");
        assertThat(Progress.threadGroup("task-bench-sink")).isEqualTo("app");
        assertThat(Progress.threadGroup("task-thread-ben")).isEqualTo("app");
        assertThat(Progress.threadGroup("raw-producer-lo")).isEqualTo("app");
        assertThat(Progress.threadGroup("java")).isEqualTo("app");
        assertThat(Progress.threadGroup("qtp12345-17")).isEqualTo("other");
        assertThat(Progress.threadGroup("pool-4-thread-1")).isEqualTo("other");
    }

    @Test
    void theWindowsPerThreadCpuIsReadFromProcWhenTheFirstAndTheLastRecordArrive() {
        Progress.target(2);
        Progress.add(1);
        long spinUntil = System.nanoTime() + 60_000_000L; // burns several clock ticks (10 ms) of CPU on this thread
        while (System.nanoTime() < spinUntil) {
            Thread.onSpinWait();
        }
        Progress.add(1);
        assertThat(Progress.count()).isEqualTo(2);
        assertThat(Progress.windowThreadCpuMs())
                .as("the busy test thread is among the threads with CPU in the window")
                .isNotEmpty()
                .allSatisfy((thread, ms) -> assertThat(ms).isPositive());
    }
}
