package io.connectsdk.testkit.kafka;

import java.lang.reflect.Field;

import org.apache.kafka.common.utils.internals.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reference-counted replacement of Kafka's exit and halt procedures. The first {@link #acquire()}
 * saves the current procedures and installs ones that throw {@link ExitPreventedException}; the
 * matching last {@link #release()} puts the saved ones back. Thread-safe (class lock).
 */
final class ExitGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ExitGuard.class);

    private static int holders;
    private static Exit.Procedure savedExit;
    private static Exit.Procedure savedHalt;

    private ExitGuard() {
    }

    static synchronized void acquire() {
        if (holders++ > 0) {
            return;
        }
        savedExit = currentProcedure("exitProcedure");
        savedHalt = currentProcedure("haltProcedure");
        Exit.setExitProcedure((status, message) -> {
            LOG.error("Kafka asked to exit the JVM with status {}: {} (prevented)", status, message);
            throw new ExitPreventedException(status, false, message);
        });
        Exit.setHaltProcedure((status, message) -> {
            LOG.error("Kafka asked to halt the JVM with status {}: {} (prevented)", status, message);
            throw new ExitPreventedException(status, true, message);
        });
    }

    static synchronized void release() {
        if (holders == 0) {
            return;
        }
        if (--holders > 0) {
            return;
        }
        if (savedExit != null) {
            Exit.setExitProcedure(savedExit);
        } else {
            Exit.resetExitProcedure();
        }
        if (savedHalt != null) {
            Exit.setHaltProcedure(savedHalt);
        } else {
            Exit.resetHaltProcedure();
        }
        savedExit = null;
        savedHalt = null;
    }

    static synchronized int holders() {
        return holders;
    }

    /** Kafka has no getter for the installed procedure; read the private field, or null if that fails. */
    private static Exit.Procedure currentProcedure(String fieldName) {
        try {
            Field field = Exit.class.getDeclaredField(fieldName);
            field.setAccessible(true);
            return (Exit.Procedure) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Cannot read Exit.{}; the default will be restored afterwards", fieldName, e);
            return null;
        }
    }
}
