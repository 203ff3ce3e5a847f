package io.connectsdk.testkit.conformance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test method of a conformance suite as the check with the given stable id (for example
 * {@code CONFIG-REQUIRED-KEYS}). The id is what {@link ConnectorConformance#skippedChecks()} names
 * and what the conformance report lists; it is never renamed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Check {
    /** @return the check id, upper case words joined by dashes */
    String value();
}
