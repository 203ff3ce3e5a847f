package io.connectsdk.runtime.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.errors.RetriableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RetryWithToleranceOperatorTest {
    private final List<String> reports = new ArrayList<>();
    private final ErrorReporter recorder = context -> {
        reports.add(context.stage() + " " + context.executingClass().getSimpleName() + " "
                + context.error().getClass().getSimpleName());
        return CompletableFuture.completedFuture(null);
    };

    private RetryWithToleranceOperator operator(long retryTimeout, long maxDelay, ToleranceType tolerance) {
        return new RetryWithToleranceOperator("t-0", retryTimeout, maxDelay, tolerance, List.of(recorder));
    }

    private static ProcessingContext context() {
        return new ProcessingContext().reset(new ConsumerRecord<>("topic", 2, 7L, new byte[0], new byte[0]));
    }

    @Test
    void successDoesNotReport() {
        ProcessingContext ctx = context();
        assertThat(operator(0, 0, ToleranceType.NONE).execute(ctx, Stage.KEY_CONVERTER, String.class, () -> "ok"))
                .isEqualTo("ok");
        assertThat(ctx.failed()).isFalse();
        assertThat(reports).isEmpty();
    }

    @Test
    void retriableFailuresAreRetriedWithinTheTimeout() {
        AtomicInteger calls = new AtomicInteger();
        ProcessingContext ctx = context();
        String result = operator(60_000, 5, ToleranceType.NONE).execute(ctx, Stage.TRANSFORMATION, String.class, () -> {
            if (calls.incrementAndGet() < 4) {
                throw new RetriableException("not yet");
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(4);
        assertThat(reports).isEmpty();
    }

    @Test
    void withoutARetryTimeoutNothingIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        ProcessingContext ctx = context();
        Object result = operator(0, 5, ToleranceType.ALL).execute(ctx, Stage.VALUE_CONVERTER, String.class, () -> {
            calls.incrementAndGet();
            throw new RetriableException("busy");
        });
        assertThat(result).isNull();
        assertThat(calls).hasValue(1);
        assertThat(ctx.failed()).isTrue();
        assertThat(reports).containsExactly("VALUE_CONVERTER String RetriableException");
    }

    @Test
    void retriesStopWhenTheTimeoutRunsOut() {
        AtomicInteger calls = new AtomicInteger();
        ProcessingContext ctx = context();
        operator(50, 10, ToleranceType.ALL).execute(ctx, Stage.VALUE_CONVERTER, String.class, () -> {
            calls.incrementAndGet();
            throw new RetriableException("busy");
        });
        assertThat(calls.get()).isBetween(2, 10);
        assertThat(ctx.failed()).isTrue();
    }

    @Test
    void otherFailuresAreNotRetriedAndWithoutToleranceFailNamingStageClassAndRecord() {
        AtomicInteger calls = new AtomicInteger();
        ProcessingContext ctx = context();
        assertThatThrownBy(() -> operator(60_000, 5, ToleranceType.NONE).execute(ctx, Stage.KEY_CONVERTER,
                Integer.class, () -> {
                    calls.incrementAndGet();
                    throw new DataException("bad bytes");
                }))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("Tolerance exceeded")
                .hasMessageContaining("KEY_CONVERTER")
                .hasMessageContaining("java.lang.Integer")
                .hasMessageContaining("topic-2 at offset 7")
                .hasCauseInstanceOf(DataException.class);
        assertThat(calls).hasValue(1);
        assertThat(reports).as("reported before failing").containsExactly("KEY_CONVERTER Integer DataException");
    }

    @Test
    void argumentOperationsBehaveTheSame() {
        ProcessingContext ctx = context();
        RetryWithToleranceOperator op = operator(0, 0, ToleranceType.ALL);
        RetryWithToleranceOperator.ArgOperation<String, String> exclaim = s -> s + "!";
        String ok = op.execute(ctx, Stage.HEADER_CONVERTER, String.class, exclaim, "a");
        assertThat(ok).isEqualTo("a!");
        RetryWithToleranceOperator.ArgOperation<String, String> failing = s -> {
            throw new IllegalStateException(s);
        };
        Object result = op.execute(ctx, Stage.HEADER_CONVERTER, String.class, failing, "a");
        assertThat(result).isNull();
        assertThat(ctx.failed()).isTrue();
    }

    @Test
    void triggerStopCutsABackOffShort() throws Exception {
        RetryWithToleranceOperator op = operator(-1, 60_000, ToleranceType.ALL);
        CountDownLatch firstAttempt = new CountDownLatch(1);
        CompletableFuture<Object> result = CompletableFuture.supplyAsync(() ->
                op.execute(context(), Stage.TRANSFORMATION, String.class, () -> {
                    firstAttempt.countDown();
                    throw new RetriableException("forever busy");
                }));
        assertThat(firstAttempt.await(10, TimeUnit.SECONDS)).isTrue();
        op.triggerStop();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThat(result.get()).isNull());
    }

    @Test
    void executeFailedReportsAndThrowsOnlyWithoutTolerance() throws Exception {
        Future<Void> f = operator(0, 0, ToleranceType.ALL).executeFailed(context(), Stage.TASK_PUT, Long.class,
                new DataException("x"));
        assertThat(f.get(1, TimeUnit.SECONDS)).isNull();
        assertThatThrownBy(() -> operator(0, 0, ToleranceType.NONE).executeFailed(context(), Stage.TASK_PUT, Long.class,
                new DataException("x"))).isInstanceOf(ConnectException.class).hasMessageContaining("TASK_PUT");
        assertThat(reports).containsExactly("TASK_PUT Long DataException", "TASK_PUT Long DataException");
    }
}
