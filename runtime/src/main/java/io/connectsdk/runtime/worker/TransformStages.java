package io.connectsdk.runtime.worker;

import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.builtins.chain.TransformChain;
import io.connectsdk.runtime.errors.ProcessingContext;
import io.connectsdk.runtime.errors.RetryWithToleranceOperator;
import io.connectsdk.runtime.errors.Stage;
import java.util.List;

/**
 * A task's {@link TransformChain}, applied stage by stage through the error operator so that a
 * failure is attributed to the transform that failed (its class goes to the error log and the
 * dead letter queue header {@code __connect.errors.class.name}). Task thread only.
 */
final class TransformStages<R extends ConnectRecord<R>> implements AutoCloseable {
    private final TransformChain<R> chain;
    private final RetryWithToleranceOperator.ArgOperation<R, R>[] single;
    private final Class<?>[] classes;

    @SuppressWarnings({"unchecked", "rawtypes"})
    TransformStages(TransformChain<R> chain) {
        this.chain = chain;
        List<TransformChain.Stage<R>> stages = chain.stages();
        this.single = new RetryWithToleranceOperator.ArgOperation[stages.size()];
        this.classes = new Class<?>[stages.size()];
        for (int i = 0; i < stages.size(); i++) {
            single[i] = new TransformChain<>(List.of(stages.get(i)))::apply;
            classes[i] = stages.get(i).transform().getClass();
        }
    }

    boolean isEmpty() {
        return single.length == 0;
    }

    /**
     * @return the transformed record, or {@code null} when a transform dropped it or a failure was
     *     tolerated (then {@code context.failed()})
     */
    R apply(RetryWithToleranceOperator operator, ProcessingContext context, R record) {
        R current = record;
        for (int i = 0; i < single.length && current != null; i++) {
            current = operator.execute(context, Stage.TRANSFORMATION, classes[i], single[i], current);
            if (context.failed()) {
                return null;
            }
        }
        return current;
    }

    @Override
    public void close() {
        chain.close();
    }
}
