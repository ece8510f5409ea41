package org.carecourse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/rules.md maps each clinical, scheduling and billing rule to the class that decides it and
 * the test that pins it. A map that names a class or test that has gone is worse than none: this
 * fails when either no longer exists, so a rename or a move updates the map in the same change.
 */
class RuleMapTest {

    private static final Path ROOT = Path.of("..", "..");
    private static final Path MAP = ROOT.resolve("docs").resolve("rules.md");
    /** A table row: | rule | `DecidingClass` | `TestClass.testMethod` |, the rule text free. */
    private static final Pattern ROW = Pattern.compile("^\\|(.+)\\| `(\\w+)` \\| `(\\w+)\\.(\\w+)` \\|$");

    record Mapping(String rule, String decidedIn, String testClass, String testMethod) {
    }

    @Test
    void everyRuleNamesAClassAndATestThatExist() throws IOException {
        List<Mapping> mappings = mappings();
        assertThat(mappings).as("rules mapped in " + MAP).hasSizeGreaterThanOrEqualTo(25);
        List<Path> sources = sources();
        for (Mapping mapping : mappings) {
            assertThat(sources).as("the class deciding: " + mapping.rule())
                    .anyMatch(file -> file.getFileName().toString().equals(mapping.decidedIn() + ".java")
                            && file.toString().contains("src" + java.io.File.separator + "main"));
            Path test = sources.stream()
                    .filter(file -> file.getFileName().toString().equals(mapping.testClass() + ".java")
                            && file.toString().contains("src" + java.io.File.separator + "test"))
                    .findFirst().orElse(null);
            assertThat(test).as("the test pinning: " + mapping.rule()).isNotNull();
            assertThat(Files.readString(test)).as(mapping.testClass() + " pins: " + mapping.rule())
                    .containsPattern("void " + Pattern.quote(mapping.testMethod()) + "\\(");
        }
    }

    @Test
    void aRowThatIsNotInTheMapsShapeIsNotSilentlySkipped() throws IOException {
        List<String> tableRows = Files.readAllLines(MAP).stream()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| rule |"))
                .toList();
        assertThat(tableRows).as("every table row names its class and test in backticks")
                .allMatch(line -> ROW.matcher(line).matches());
    }

    private static List<Mapping> mappings() throws IOException {
        List<Mapping> mappings = new ArrayList<>();
        for (String line : Files.readAllLines(MAP)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                mappings.add(new Mapping(row.group(1).strip(), row.group(2), row.group(3), row.group(4)));
            }
        }
        return mappings;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve("services"))) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.toString().contains(java.io.File.separator + "target" + java.io.File.separator))
                    .toList();
        }
    }
}
