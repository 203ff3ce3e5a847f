package io.connectsdk.testkit.harness;

/**
 * Thrown by a harness when the plugin under test breaks the connect-sdk SPI contract: for example a
 * {@code SourceTask.poll()} that does not return within its bound, a {@code stop()} that does not
 * make a blocked {@code poll()} return, a source offset that cannot be stored, or a transform that
 * modified its input record. The message says what the contract expects, what the plugin did, and
 * (for a stuck task thread) where that thread is.
 *
 * <p>An {@link AssertionError}, so that test frameworks report it as a test failure, not an error
 * of the test itself.
 */
public class ContractViolationError extends AssertionError {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was expected and what was seen; not {@code null}
     */
    public ContractViolationError(String message) {
        super(message);
    }

    /**
     * @param message what was expected and what was seen; not {@code null}
     * @param cause the exception that revealed the violation; may be {@code null}
     */
    public ContractViolationError(String message, Throwable cause) {
        super(message, cause);
    }
}
