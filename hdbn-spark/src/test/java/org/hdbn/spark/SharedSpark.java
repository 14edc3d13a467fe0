package org.hdbn.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One embedded {@code local[2]} session shared by every test class of the run that asks for a
 * {@link SparkSession} parameter: starting Spark takes seconds, a job on a running session
 * milliseconds. The session is kept in the root store and stopped when the test run ends.
 */
public final class SharedSpark implements ParameterResolver {

    /** The session in the root store; JUnit closes it when the whole run ends. */
    private record Holder(SparkSession session) implements AutoCloseable {
        @Override
        public void close() {
            session.stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(SharedSpark.class));
        return store.computeIfAbsent(Holder.class,
                key -> new Holder(SparkSessions.open("local[2]", "hdbn-spark-tests",
                        java.util.Map.of("spark.sql.shuffle.partitions", "4"))), Holder.class).session();
    }
}
