package org.carecourse.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka broker in a child JVM. Its classpath is the one Maven resolved
 * for the broker ({@code kafka-broker.classpath}), not the launcher's. The log folder is
 * formatted once and kept, so topics and offsets survive a restart.
 */
final class LocalKafkaBroker implements AutoCloseable {

    private final Process process;
    private final String bootstrapServers;

    LocalKafkaBroker(Path dataFolder, Path classpathFile, int port, int controllerPort) {
        Path folder = dataFolder.resolve("kafka");
        Path logs = folder.resolve("logs");
        bootstrapServers = "localhost:" + port;
        try {
            Files.createDirectories(logs);
            String classpath = Files.readString(classpathFile).strip();
            Path config = folder.resolve("server.properties");
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@localhost:" + controllerPort,
                    "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://localhost:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + logs,
                    "num.partitions=3",
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    ""));
            if (!Files.exists(logs.resolve("meta.properties"))) {
                run(folder, classpath, "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                        "-c", config.toString()).waitFor(60, TimeUnit.SECONDS);
            }
            process = run(folder, classpath, "kafka.Kafka", config.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        awaitReady(Duration.ofSeconds(90));
    }

    private static Process run(Path folder, String classpath, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("broker.log").toFile()))
                .start();
    }

    /** Waits for the broker to answer; the admin client itself retries until the timeout. */
    private void awaitReady(Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            String state = process.isAlive() ? "running" : "exited with " + process.exitValue();
            throw new IllegalStateException("Kafka broker not ready after " + timeout + " (" + state
                    + "); see its broker.log", e);
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Asks the broker to shut down cleanly (SIGTERM), forcing it only if it hangs. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
