package org.hdbn.spark.cli;

import java.util.List;
import org.hdbn.run.CommandExtension;

/** hdbn-spark's commands on the {@code hdbn} command line: {@code prepare}, {@code generate-events} and {@code bench-spark}. */
public final class SparkCommands implements CommandExtension {

    @Override
    public List<Object> commands() {
        return List.of(new PrepareCommand(), new GenerateEventsCommand(), new BenchSparkCommand());
    }
}
