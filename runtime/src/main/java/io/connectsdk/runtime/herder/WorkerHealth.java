package io.connectsdk.runtime.herder;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code GET /health}, Kafka Connect's shape (KIP-1017):
 * {@code {"status":"healthy|starting|unhealthy","message":"..."}} with HTTP status 200, 503 or 500,
 * so that a Kubernetes probe (which looks only at the status code) can use it.
 *
 * @param status {@code healthy}, {@code starting} or {@code unhealthy}
 * @param message what it means, with details when not healthy
 */
public record WorkerHealth(@JsonProperty("status") String status, @JsonProperty("message") String message) {
    private static final WorkerHealth HEALTHY =
            new WorkerHealth("healthy", "Worker has completed startup and is ready to handle requests.");

    /** @return a worker that has started and answers requests */
    public static WorkerHealth healthy() {
        return HEALTHY;
    }

    /**
     * @param details what it is doing, or {@code null}
     * @return a worker that is still starting
     */
    public static WorkerHealth starting(String details) {
        return new WorkerHealth("starting", "Worker is still starting up." + (details == null ? "" : " " + details));
    }

    /**
     * @param details what is wrong, or {@code null}
     * @return a worker that cannot do its work
     */
    public static WorkerHealth unhealthy(String details) {
        return new WorkerHealth("unhealthy", "Worker was unable to handle this request and may be unable to handle "
                + "other requests." + (details == null ? "" : " " + details));
    }

    /** @return the HTTP status of the answer: 200 healthy, 503 starting, 500 unhealthy */
    @JsonIgnore
    public int httpStatus() {
        switch (status) {
            case "healthy":
                return 200;
            case "starting":
                return 503;
            default:
                return 500;
        }
    }
}
