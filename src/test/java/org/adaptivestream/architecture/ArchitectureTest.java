package org.adaptivestream.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Layering rules, checked on the sources: the core runs without a screen, dependencies point
 * one way, and nothing turns wire bytes into Java objects by class name.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/org/adaptivestream");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    /** Packages the core may not import from, by core package. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "protocol", List.of("server", "client", "app", "cli", "adaptation", "netlab", "evaluation"),
            "media", List.of("server", "client", "app", "cli", "protocol", "netlab", "evaluation"),
            "trace", List.of("server", "client", "app", "cli", "media", "protocol", "netlab", "evaluation", "adaptation"),
            "metrics", List.of("server", "client", "app", "cli", "netlab", "evaluation"),
            "adaptation", List.of("server", "client", "app", "cli", "netlab", "evaluation", "protocol"),
            "security", List.of("server", "client", "app", "cli", "media", "netlab", "evaluation", "adaptation"),
            "server", List.of("client", "app", "cli", "evaluation"),
            "client", List.of("server", "app", "cli", "evaluation"),
            "netlab", List.of("server", "client", "app", "cli", "evaluation", "media", "protocol"),
            "soak", List.of("app", "cli", "evaluation"));

    @Test
    void onlyTheAppPackageTouchesJavaFx() {
        forEachSource((pkg, file, imports) -> {
            if (!pkg.equals("app")) {
                assertThat(imports).as(file.toString())
                        .noneMatch(i -> i.startsWith("javafx.") || i.startsWith("org.controlsfx.")
                                || i.startsWith("org.jfree.chart.fx"));
            }
        });
    }

    /** A GUI library named in code: imported, or written out in full (which an import check misses). */
    private static final Pattern GUI_REFERENCE = Pattern.compile("\\b(javafx|org\\s*\\.\\s*controlsfx|org\\s*\\.\\s*jfree)\\s*\\.");

    /** Whether Java source, with its comments and string and character literals removed, names a GUI library. */
    static boolean namesGuiLibrary(String source) {
        return GUI_REFERENCE.matcher(codeOnly(source)).find();
    }

    /** The source with comments, strings, text blocks and char literals blanked out. */
    static String codeOnly(String source) {
        return source.replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"")
                .replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("//[^\n]*", " ")
                .replaceAll("\"(?:\\\\.|[^\"\\\\\n])*\"", "\"\"")
                .replaceAll("'(?:\\\\.|[^'\\\\\n])+'", "' '");
    }

    @Test
    void outsideTheAppPackage_noCodeNamesJavaFxControlsFxOrJFreeChart() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> core = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !SOURCES.relativize(f).startsWith("app")).toList();
            assertThat(core).hasSizeGreaterThan(10);
            for (Path file : core) {
                assertThat(namesGuiLibrary(read(file))).as("%s names a GUI library", file).isFalse();
            }
        }
    }

    @Test
    void guiReferenceCheck_catchesImportsAndFullNames_notTextAboutThem() {
        assertThat(namesGuiLibrary("import javafx.scene.Node;")).isTrue();
        assertThat(namesGuiLibrary("var b = new javafx.scene.control.Button();")).isTrue();
        assertThat(namesGuiLibrary("org.controlsfx.control.Notifications.create();")).isTrue();
        assertThat(namesGuiLibrary("import static org.jfree.chart.ChartUtils.saveChartAsPNG;")).isTrue();
        assertThat(namesGuiLibrary("System.setProperty(\"javafx.cachedir\", dir); // javafx.cachedir for JavaFX")).isFalse();
        assertThat(namesGuiLibrary("/** Unlike javafx.scene, this runs headless. */ class A {}")).isFalse();
        assertThat(namesGuiLibrary("String s = \"a \\\" javafx.x\";")).isFalse();
    }

    @Test
    void corePackagesDependOneWay() {
        forEachSource((pkg, file, imports) -> {
            for (String banned : FORBIDDEN.getOrDefault(pkg, List.of())) {
                assertThat(imports).as(file + " must not depend on " + banned)
                        .noneMatch(i -> i.startsWith("org.adaptivestream." + banned + "."));
            }
        });
    }

    /**
     * Ways to turn bytes into objects of a class the bytes name. None may appear in main code:
     * everything read from the wire or from files goes through our codecs or Jackson mapped
     * onto fixed records, without polymorphic typing.
     */
    private static final Map<String, Pattern> BYTES_TO_CLASSES = Map.of(
            "Java deserialization", Pattern.compile("ObjectInputStream|readObject\\s*\\(|readUnshared\\s*\\(|\\bSerializable\\b|Externalizable"),
            "XML bean decoding", Pattern.compile("XMLDecoder"),
            "loading a class by name", Pattern.compile("Class\\s*\\.\\s*forName|\\.loadClass\\s*\\(|findClass\\s*\\(|defineClass\\s*\\("),
            "instantiating a class found at run time", Pattern.compile("\\.newInstance\\s*\\(|getDeclaredConstructor"),
            "Jackson polymorphic typing", Pattern.compile("DefaultTyping|@JsonTypeInfo|JsonTypeInfo\\.|PolymorphicTypeValidator|enableDefaultTyping"),
            "script engines", Pattern.compile("ScriptEngine"));

    @Test
    void noJavaDeserializationOrReflectiveLoadingAnywhere() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> sources = files.filter(f -> f.toString().endsWith(".java")).toList();
            assertThat(sources).hasSizeGreaterThan(10);
            for (Path file : sources) {
                String text = read(file);
                BYTES_TO_CLASSES.forEach((what, pattern) ->
                        assertThat(pattern.matcher(text).find()).as("%s in %s", what, file).isFalse());
            }
        }
    }

    @Test
    void bytesToClassesPatterns_catchTheForbiddenCalls() {
        // The check above must be able to fail: each pattern finds the call it is meant for.
        assertThat(List.of("new ObjectInputStream(in).readObject()", "Class.forName(name)", "Class .forName (n)",
                "loader.loadClass(n)", "type.getDeclaredConstructor().newInstance()", "mapper.activateDefaultTyping(v)",
                "@JsonTypeInfo(use = CLASS)", "new java.beans.XMLDecoder(in)", "implements Serializable"))
                .allSatisfy(snippet -> assertThat(BYTES_TO_CLASSES.values()).as(snippet)
                        .anyMatch(p -> p.matcher(snippet).find()));
        assertThat(BYTES_TO_CLASSES.values()).noneMatch(p -> p.matcher("record Hello(int minVersion) implements Message").find());
    }

    private interface SourceCheck {
        void check(String pkg, Path file, List<String> imports);
    }

    private static void forEachSource(SourceCheck check) {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> sources = files.filter(f -> f.toString().endsWith(".java")).toList();
            assertThat(sources).as("sources found under " + SOURCES.toAbsolutePath()).hasSizeGreaterThan(10);
            sources.forEach(file -> {
                Path relative = SOURCES.relativize(file.getParent());
                String pkg = relative.getNameCount() == 0 || relative.toString().isEmpty() ? "" : relative.getName(0).toString();
                Matcher m = IMPORT.matcher(read(file));
                List<String> imports = new java.util.ArrayList<>();
                while (m.find()) {
                    imports.add(m.group(1));
                }
                check.check(pkg, file, imports);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
