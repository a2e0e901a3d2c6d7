package io.jets.deploy.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.deploy.DeployException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the jar Lambda runs: the application's classes and every runtime jar merged into one ("shaded"),
 * {@code META-INF/services} files concatenated, signatures and manifests of the inputs dropped. Entries are
 * sorted and stamped with a fixed time, so the same inputs give the same bytes (and the same SHA-256, which
 * names the upload and tells CloudFormation whether the code changed).
 *
 * <pre>{@code
 * BuiltJar jar = DeploymentJar.build(app.classesDirectory(), app.dependencies(), project.outDirectory().resolve("demo-dev.jar"));
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/java-package.html">Deploy Java Lambda functions with .zip or JAR file archives</a>
 */
public final class DeploymentJar {

    /** Lambda's limit for a directly uploaded .zip/.jar is 50 MB; from S3, 250 MB unzipped. */
    public static final long MAX_UNZIPPED_BYTES = 250L * 1024 * 1024;

    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|DSA|RSA|EC)|META-INF/SIG-[^/]+",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> DROPPED = Set.of(JarFile.MANIFEST_NAME, "META-INF/INDEX.LIST",
            "module-info.class");
    private static final String SERVICES = "META-INF/services/";
    /** The handler index (jets-core's HandlerIndex.RESOURCE); one per jar that has handlers, merged here. */
    private static final String HANDLER_INDEX = "META-INF/jets/handlers.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final FileTime FIXED_TIME = FileTime.fromMillis(315_532_800_000L); // 1980-01-01, zip's epoch

    private DeploymentJar() {
    }

    /** The built jar, its size and its SHA-256 (hex for names, base64 as Lambda reports CodeSha256). */
    public record BuiltJar(Path path, long size, String sha256Hex, String sha256Base64) {
    }

    public static BuiltJar build(Path classesDirectory, List<Path> runtimeJars, Path output) {
        if (!Files.isDirectory(classesDirectory)) {
            throw new DeployException("No compiled classes in " + classesDirectory + ". Compile with: mvn compile");
        }
        Map<String, byte[]> entries = new TreeMap<>();
        Map<String, Set<String>> services = new TreeMap<>();
        List<byte[]> indexes = new ArrayList<>();
        try {
            addDirectory(classesDirectory, entries, services, indexes);
            for (Path jar : runtimeJars) {
                if (Files.isDirectory(jar)) {
                    addDirectory(jar, entries, services, indexes);
                } else {
                    addJar(jar, entries, services, indexes);
                }
            }
            if (!indexes.isEmpty()) {
                entries.put(HANDLER_INDEX, mergeIndexes(indexes));
            }
            long unzipped = entries.values().stream().mapToLong(b -> b.length).sum();
            if (unzipped > MAX_UNZIPPED_BYTES) {
                throw new DeployException("The deployment jar would unzip to " + unzipped + " bytes, over Lambda's "
                        + MAX_UNZIPPED_BYTES + "; drop unused dependencies or mark them provided");
            }
            services.forEach((name, lines) -> entries.put(name,
                    (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
            entries.put(JarFile.MANIFEST_NAME, ("Manifest-Version: 1.0\r\nCreated-By: Jets for Java\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            Files.createDirectories(output.toAbsolutePath().getParent());
            write(entries, output);
            return describe(output);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build " + output + ": " + e.getMessage(), e);
        }
    }

    private static void addDirectory(Path directory, Map<String, byte[]> entries, Map<String, Set<String>> services,
                                     List<byte[]> indexes) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = directory.relativize(file).toString().replace('\\', '/');
            add(name, Files.readAllBytes(file), entries, services, indexes);
        }
    }

    private static void addJar(Path jar, Map<String, byte[]> entries, Map<String, Set<String>> services,
                               List<byte[]> indexes) {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<java.util.jar.JarEntry> list = new ArrayList<>(file.stream().toList());
            for (var entry : list) {
                if (!entry.isDirectory()) {
                    try (InputStream in = file.getInputStream(entry)) {
                        add(entry.getName(), in.readAllBytes(), entries, services, indexes);
                    }
                }
            }
        } catch (IOException e) {
            throw new DeployException("Cannot read runtime jar " + jar + ": " + e.getMessage(), e);
        }
    }

    private static void add(String name, byte[] content, Map<String, byte[]> entries, Map<String, Set<String>> services,
                            List<byte[]> indexes) {
        if (DROPPED.contains(name) || SIGNATURE.matcher(name).matches() || name.endsWith("/module-info.class")) {
            return;
        }
        if (name.equals(HANDLER_INDEX)) {
            indexes.add(content);
            return;
        }
        if (name.startsWith(SERVICES) && name.indexOf('/', SERVICES.length()) < 0) {
            Set<String> lines = services.computeIfAbsent(name, n -> new LinkedHashSet<>());
            new String(content, StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(lines::add);
            return;
        }
        // The application comes first, so its classes and resources win over a dependency's.
        entries.putIfAbsent(name, content);
    }

    private static void write(Map<String, byte[]> entries, Path output) throws IOException {
        Path temporary = output.resolveSibling(output.getFileName() + ".tmp");
        try (OutputStream file = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(file)) {
            Set<String> directories = new java.util.TreeSet<>();
            entries.keySet().forEach(name -> {
                for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
                    directories.add(name.substring(0, i + 1));
                }
            });
            // The manifest first, as JarInputStream expects.
            putEntry(zip, "META-INF/", new byte[0]);
            putEntry(zip, JarFile.MANIFEST_NAME, entries.get(JarFile.MANIFEST_NAME));
            for (String directory : directories) {
                if (!directory.equals("META-INF/")) {
                    putEntry(zip, directory, new byte[0]);
                }
            }
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                if (!entry.getKey().equals(JarFile.MANIFEST_NAME)) {
                    putEntry(zip, entry.getKey(), entry.getValue());
                }
            }
        }
        Files.move(temporary, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void putEntry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FIXED_TIME);
        entry.setCreationTime(FIXED_TIME);
        entry.setLastAccessTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /** One index with the functions of all, in classpath order; a single index is kept byte for byte. */
    private static byte[] mergeIndexes(List<byte[]> indexes) throws IOException {
        if (indexes.size() == 1) {
            return indexes.get(0);
        }
        ObjectNode merged = (ObjectNode) JSON.readTree(indexes.get(0));
        ArrayNode functions = merged.withArray("functions");
        for (byte[] index : indexes.subList(1, indexes.size())) {
            JSON.readTree(index).path("functions").forEach(functions::add);
        }
        return (JSON.writeValueAsString(merged) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static BuiltJar describe(Path jar) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(jar), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        byte[] hash = digest.digest();
        return new BuiltJar(jar, Files.size(jar), HexFormat.of().formatHex(hash), Base64.getEncoder().encodeToString(hash));
    }
}
