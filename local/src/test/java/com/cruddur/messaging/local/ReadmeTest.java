package com.cruddur.messaging.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * README stays true to the repository: every link to a section or to a file of the repository resolves, and every {@code bin/} command and
 * option it shows is one that script accepts (its picocli command, as {@code --help} prints it).
 */
class ReadmeTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final Pattern HEADING = Pattern.compile("^(#{1,6}) +(.+?) *$");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern COMMAND = Pattern.compile("(?<![\\w./-])bin/([a-z][\\w.-]*)([^`|#\\n]*)");
    private static final Pattern MAIN_CLASS = Pattern.compile("run_java (com\\.cruddur\\.[\\w.]+)");

    private final List<String> readme = lines(ROOT.resolve("README.md"));

    @Test
    void everyLinkToASectionOrFileResolves() {
        Set<String> anchors = anchors(readme);
        List<String> broken = new ArrayList<>();
        for (String line : withoutCodeBlocks(readme)) {
            Matcher link = LINK.matcher(line);
            while (link.find()) {
                String target = link.group(1);
                // Web pages and files outside the repository (../shared, beside a checkout) are not the repository's to check.
                if (target.startsWith("http://") || target.startsWith("https://")
                        || !ROOT.resolve(target.replaceFirst("#.*", "")).normalize().startsWith(ROOT)) {
                    continue;
                }
                if (target.startsWith("#") ? !anchors.contains(target.substring(1)) : !Files.exists(ROOT.resolve(target.replaceFirst("#.*", "")))) {
                    broken.add(target);
                }
            }
        }
        assertEquals(List.of(), broken, "README links to sections or files that do not exist; sections: " + anchors);
    }

    @Test
    void everyBinCommandAndOptionShownIsOneTheScriptAccepts() {
        List<String> unknown = new ArrayList<>();
        for (String line : readme) {
            Matcher command = COMMAND.matcher(line);
            while (command.find()) {
                Path script = ROOT.resolve("bin").resolve(command.group(1));
                if (!Files.isRegularFile(script)) {
                    unknown.add("bin/" + command.group(1) + " (no such script)");
                    continue;
                }
                mainClass(script).ifPresent(main -> unknown.addAll(unknownOptions("bin/" + command.group(1), main, command.group(2))));
            }
        }
        assertEquals(List.of(), unknown, "README shows commands or options the scripts do not accept");
    }

    @Test
    void aNamedOptionTheCommandDoesNotHaveIsCaught() {
        assertEquals(List.of("bin/ddb redrive --from-the-moon"),
                unknownOptions("bin/ddb", "com.cruddur.messaging.local.cli.Ddb", " redrive --deployed --from-the-moon"));
    }

    @Test
    void aLinkToAMissingSectionIsCaught() {
        assertEquals(false, anchors(List.of("## Deploy runbook", "### `bin/ddb`")).contains("deploy"));
        assertEquals(Set.of("deploy-runbook", "binddb"), anchors(List.of("## Deploy runbook", "### `bin/ddb`")));
    }

    /** The options after a command on one line, descending into subcommands by name, that its picocli spec does not declare. */
    private static List<String> unknownOptions(String script, String mainClass, String arguments) {
        CommandSpec spec = spec(mainClass);
        String shown = script;
        List<String> unknown = new ArrayList<>();
        for (String token : arguments.trim().split("\\s+")) {
            String word = token.replaceAll("^[\\[(]+|[\\])\\.,;:]+$", "");
            if (word.startsWith("--")) {
                String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                if (spec.findOption(option) == null) {
                    unknown.add(shown + " " + option);
                }
            } else if (spec.subcommands().containsKey(word)) {
                spec = spec.subcommands().get(word).getCommandSpec();
                shown += " " + word;
            }
        }
        return unknown;
    }

    /** The command as its main builds it: through its {@code commandLine(SdkHttpClient)} where it has one, else its constructor. */
    private static CommandSpec spec(String mainClass) {
        try {
            Class<?> command = Class.forName(mainClass);
            for (var method : command.getMethods()) {
                if (method.getName().equals("commandLine") && method.getParameterCount() == 1) {
                    return ((CommandLine) method.invoke(null, (Object) null)).getCommandSpec();
                }
            }
            return new CommandLine(command.getDeclaredConstructor().newInstance()).getCommandSpec();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the command " + mainClass, e);
        }
    }

    /** The Java command a bin/ script runs, or empty for a helper such as lib.sh. */
    private static Optional<String> mainClass(Path script) {
        Matcher main = MAIN_CLASS.matcher(String.join("\n", lines(script)));
        return main.find() ? Optional.of(main.group(1)) : Optional.empty();
    }

    /** GitHub's anchors: lower case, punctuation dropped, spaces as dashes, a repeated heading numbered. */
    static Set<String> anchors(List<String> lines) {
        Set<String> anchors = new TreeSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : withoutCodeBlocks(lines)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = Normalizer.normalize(heading.group(2), Normalizer.Form.NFC).toLowerCase()
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return anchors;
    }

    private static List<String> withoutCodeBlocks(List<String> lines) {
        List<String> prose = new ArrayList<>();
        boolean inCode = false;
        for (String line : lines) {
            if (line.trim().startsWith("```")) {
                inCode = !inCode;
            } else if (!inCode) {
                prose.add(line);
            }
        }
        return prose;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
