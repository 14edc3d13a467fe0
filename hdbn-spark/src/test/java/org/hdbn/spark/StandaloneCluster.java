package org.hdbn.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone cluster on 127.0.0.1 made of separate JVMs started from this test's class
 * path: a master, one worker, and the executors the worker starts for each application. No Spark
 * installation is needed: the worker builds its executors' command from an empty Spark home (hence
 * {@code SPARK_SCALA_VERSION}), and the application gives them the test class path as
 * {@code spark.executor.extraClassPath}.
 */
final class StandaloneCluster implements AutoCloseable {

    /** The JVM flags Spark needs on JDK 17, as the build passes them to the tests. */
    static final List<String> JVM_OPTIONS = Arrays.stream(System.getProperty("hdbn.spark.jvm.options", "").trim()
            .split("\\s+")).filter(s -> !s.isEmpty()).toList();

    private final List<Process> processes = new ArrayList<>();
    private final Path home;
    private final String master;

    /** Starts the master and a worker with {@code cores} cores; returns once the master accepts connections. */
    StandaloneCluster(Path home, int cores) throws IOException, InterruptedException {
        this.home = home;
        Files.createDirectories(home.resolve("jars"));
        int port = freePort();
        master = "spark://127.0.0.1:" + port;
        start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", Integer.toString(freePort()));
        awaitPort(port);
        start("worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores",
                Integer.toString(cores), "--memory", "1g", "--webui-port", Integer.toString(freePort()),
                "--work-dir", home.resolve("work").toString(), master);
    }

    /** The master's URL, {@code spark://127.0.0.1:PORT}. */
    String master() {
        return master;
    }

    /** The settings an application needs so that its executors find its classes and start on JDK 17. */
    static Map<String, String> applicationSettings() {
        return Map.of("spark.executor.extraClassPath", System.getProperty("java.class.path"),
                "spark.executor.extraJavaOptions", String.join(" ", JVM_OPTIONS),
                "spark.executor.memory", "512m", "spark.executor.cores", "1",
                "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1");
    }

    /** Runs {@code main} of a class in a new JVM with this class path; waits for it; returns its output. */
    static Result run(Path log, Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> command = java(main.getName(), "-Xmx512m", args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int code = p.waitFor();
        return new Result(code, Files.readString(log));
    }

    record Result(int exitCode, String output) {
    }

    private void start(String name, String mainClass, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(java(mainClass, "-Xmx256m", args))
                .redirectErrorStream(true).redirectOutput(home.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        processes.add(pb.start());
    }

    private static List<String> java(String mainClass, String heap, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(heap);
        command.addAll(JVM_OPTIONS);
        command.add("-Dhdbn.spark.jvm.options=" + String.join(" ", JVM_OPTIONS));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws InterruptedException, IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 600; attempt++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IOException("the Spark master did not open port " + port + " within a minute", last);
    }

    /** Stops the worker (and with it its executors), then the master. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
