package org.carecourse.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * PHQ-9 outcomes driven from a JVM of their own, so the figure does not depend on the load sharing
 * the platform's JVM (its heap, its JIT, its safepoints) the way the in-process driver does. The
 * parent writes the courses and the token to files (a token never on a command line), starts
 * {@code java} on its own class path and reads back the counts and every latency sample, so the
 * percentiles are computed exactly as for the in-process runs.
 */
final class SeparateJvmLoad {

    private SeparateJvmLoad() {
    }

    /** Runs {@code clients} closed-loop clients in a new JVM over the courses' outcome URLs. */
    static Measured outcomes(Journeys journeys, List<String> courses, int clients, Duration warmUp, Duration duration, Path work)
            throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path urls = work.resolve("urls.txt");
        Path token = work.resolve("token.txt");
        Path result = work.resolve("result-" + clients + ".txt");
        Files.write(urls, courses.stream().map(journeys::outcomeUrl).toList());
        Files.writeString(token, journeys.nurse);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process driver = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SeparateJvmLoad.class.getName(), urls.toString(), token.toString(), Integer.toString(clients),
                Long.toString(warmUp.toMillis()), Long.toString(duration.toMillis()), result.toString())
                .inheritIO()
                .start();
        if (!driver.waitFor(duration.plus(warmUp).plusMinutes(2).toMillis(), TimeUnit.MILLISECONDS)) {
            driver.destroyForcibly();
            throw new IllegalStateException("the separate driver did not finish");
        }
        if (driver.exitValue() != 0) {
            throw new IllegalStateException("the separate driver failed with exit code " + driver.exitValue());
        }
        return read(result);
    }

    /** Arguments: URLs file, token file, clients, warm-up ms, duration ms, result file. */
    public static void main(String[] args) throws Exception {
        List<String> urls = Files.readAllLines(Path.of(args[0]));
        String token = Files.readString(Path.of(args[1])).trim();
        int clients = Integer.parseInt(args[2]);
        // One request before the clock starts: a fresh JVM's first request loads the HTTP client and
        // its classes, which on a busy machine outlasts a short (smoke) window on its own.
        Http.post(urls.get(0), token, Journeys.outcomeBody(0));
        Measured measured = LoadDriver.closedLoop(clients, Duration.ofMillis(Long.parseLong(args[3])),
                Duration.ofMillis(Long.parseLong(args[4])), "requests",
                (client, sequence) -> Http.post(urls.get((int) (sequence % urls.size())), token, Journeys.outcomeBody(sequence)).ok(),
                ProcessHandle.current().parent().orElseThrow().pid());
        write(measured, Path.of(args[5]));
        System.exit(0);
    }

    private static void write(Measured measured, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(measured.operations() + " " + measured.errors() + " " + measured.seconds() + " " + measured.cpuSeconds());
        lines.add(measured.cpuByPart().entrySet().stream().map(part -> part.getKey() + "=" + part.getValue())
                .collect(Collectors.joining("\t")));
        for (long sample : measured.latencies().samples()) {
            lines.add(Long.toString(sample));
        }
        Files.write(file, lines);
    }

    private static Measured read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] counts = lines.get(0).split(" ");
        Latencies latencies = new Latencies();
        Map<String, Double> parts = new TreeMap<>();
        for (String part : lines.get(1).split("\t")) {
            if (part.contains("=")) {
                parts.put(part.substring(0, part.indexOf('=')), Double.parseDouble(part.substring(part.indexOf('=') + 1)));
            }
        }
        lines.stream().skip(2).mapToLong(Long::parseLong).forEach(latencies::add);
        return new Measured(Long.parseLong(counts[0]), Long.parseLong(counts[1]), Double.parseDouble(counts[2]), latencies, "requests",
                Double.parseDouble(counts[3]), parts);
    }
}
