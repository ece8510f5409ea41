package org.carecourse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A class a newcomer reads should fit in one sitting: no main source file over 300 lines unless
 * its opening comment says why ("over 300 lines on purpose: ..."), so growth is a decision someone
 * wrote down, not an accident.
 */
class ClassSizeTest {

    private static final Path ROOT = Path.of("..", "..");
    private static final int MOST_LINES = 300;
    private static final String REASON = "over 300 lines on purpose";

    @Test
    void noMainClassIsOverThreeHundredLinesWithoutItsReason() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(ROOT)) {
            sources = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> file.toString().contains("src/main/java"))
                    .filter(file -> !file.toString().contains("/target/") && !file.toString().contains("/node_modules/"))
                    .toList();
        }
        assertThat(sources).as("main sources found from " + ROOT.toAbsolutePath()).hasSizeGreaterThan(200);
        assertThat(sources).as("main classes over " + MOST_LINES + " lines with no reason at their top")
                .filteredOn(file -> lines(file).size() > MOST_LINES && !opening(file).toLowerCase().contains(REASON))
                .isEmpty();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file up to its type declaration: package, imports and the class comment. */
    private static String opening(Path file) {
        StringBuilder opening = new StringBuilder();
        for (String line : lines(file)) {
            if (line.matches("^(public |final |abstract )*(class|record|interface|enum) .*")) {
                break;
            }
            opening.append(line.replaceFirst("^\\s*\\*\\s?", "")).append(' ');
        }
        return opening.toString().replaceAll("\\s+", " ");
    }
}
