package dev.scimkit.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's embedding section as a newcomer meets it: a new Maven project whose POM is the
 * README's dependency block (read from {@code README.md} now) with the host's own Jersey, Grizzly
 * and H2 added to its dependencies, and whose sources are the README's snippet and a host app
 * ({@link ReadmeEmbedding#HOST_SOURCE}), is built by Maven ({@code mvn package}) and run; it
 * serves SCIM at {@code /api/scim/v2} beside {@code /api/hello}, whose {@code 401}, {@code 404}
 * and {@code 405} stay the host's.
 *
 * <p>The nested Maven gets Scimkit's artifacts only from the ones this build made: the published
 * modules' jars on this test's class path (the reactor's, from {@code package}) and their POMs,
 * with the parent and BOM POMs, staged into a local repository of its own in the test's folder,
 * so that no {@code dev.scimkit} artifact is written to the user's. Everything else comes from
 * the outer build's local repository, declared by its {@code file:} URL before Maven Central, both
 * with snapshots off (so a {@code dev.scimkit} snapshot can only be a staged one). The plugins are
 * the ones this build uses, at the same versions, so the outer repository has nearly all the
 * project needs; what it lacks comes from Central into the nested repository (on a new machine:
 * the {@code jakarta.validation-api} that Jersey names, where this build manages a newer one).
 * When the outer build is offline, so is the nested one, with the {@code file} protocol allowed.
 */
class ReadmeMavenProjectIT {
  private static final Path ROOT = ServerJar.ROOT;
  private static final String GROUP = "dev.scimkit";
  private static final String HOST_JAR = "target/readme-host-1.0.jar";

  @TempDir Path work;

  @Test
  @Timeout(300)
  void newMavenProject_ofTheReadmesBlockAndSnippet_buildsAndServesScimBesideTheHostsApi() throws Exception {
    Path repository = work.resolve("repository");
    Map<String, Path> staged = stageThisBuildsArtifacts(repository);
    Path project = writeProject(work.resolve("project"));
    Path settings = writeSettings(work.resolve("settings.xml"));
    Path userScimkit = Path.of(required("scimkit.it.outerRepository")).resolve("dev/scimkit");
    Map<Path, FileTime> userScimkitBefore = listing(userScimkit);

    long started = System.nanoTime();
    build(project, settings, repository);
    long buildMillis = (System.nanoTime() - started) / 1_000_000;

    Path jar = project.resolve(HOST_JAR);
    assertClassPathHasThisBuildsModules(jar, staged);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try (ReadmeEmbedding host = ReadmeEmbedding.start(project, List.of(java, "-jar", jar.toString()))) {
      host.checkScim();
      host.checkTheHostsOwnAnswers();
    }
    assertThat(listing(userScimkit)).as("the user's %s after the nested build", userScimkit)
        .isEqualTo(userScimkitBefore);
    System.out.println("README Maven project: mvn package " + buildMillis + " ms (offline: "
        + required("scimkit.it.offline") + "), build and run " + (System.nanoTime() - started) / 1_000_000 + " ms");
  }

  /**
   * Installs, as {@code mvn install} would, the parent and BOM POMs and the jar of every module
   * the BOM manages (the published ones) that is on this test's class path, with the POM Maven
   * publishes for it (the shade plugin's reduced POM where there is one). Returns the jars by
   * artifactId.
   */
  private static Map<String, Path> stageThisBuildsArtifacts(Path repository) throws Exception {
    Path bom = ROOT.resolve("scim-bom/pom.xml");
    Set<String> published = new HashSet<>();
    NodeList managed = ((Element) document(bom).getElementsByTagName("dependencyManagement").item(0))
        .getElementsByTagName("artifactId");
    for (int i = 0; i < managed.getLength(); i++) {
      published.add(managed.item(i).getTextContent().trim());
    }
    Map<String, Path> jars = new TreeMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      Properties coordinates = scimkitPomProperties(jar);
      if (coordinates == null || !published.contains(coordinates.getProperty("artifactId"))) {
        continue;
      }
      String artifactId = coordinates.getProperty("artifactId");
      String version = coordinates.getProperty("version");
      if (!jar.getFileName().toString().equals(artifactId + "-" + version + ".jar")) {
        continue; // another jar of the module (tests, sources): not a dependency of the host
      }
      assertThat(jar.toAbsolutePath().normalize()).as("%s made by this build (run Maven with -am), not taken from a"
          + " repository", artifactId).startsWith(ROOT);
      Path reduced = jar.resolveSibling("dependency-reduced-pom.xml");
      Path pom = Files.exists(reduced) ? reduced : jar.getParent().getParent().resolve("pom.xml");
      install(repository, artifactId, version, pom, jar);
      jars.put(artifactId, jar);
    }
    assertThat(jars).as("published dev.scimkit jars on the class path").containsKeys("scim-jaxrs", "scim-store-jdbc");
    for (Path pom : List.of(ROOT.resolve("pom.xml"), bom)) {
      Element project = document(pom);
      install(repository, child(project, "artifactId"), child(project, "version"), pom, null);
    }
    return jars;
  }

  private static Element document(Path xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
  }

  /** The {@code pom.properties} of a {@code dev.scimkit} jar, or null for any other entry. */
  private static Properties scimkitPomProperties(Path jar) throws IOException {
    if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
      return null;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      JarEntry entry = file.stream().filter(e -> e.getName().startsWith("META-INF/maven/" + GROUP + "/")
          && e.getName().endsWith("/pom.properties")).findFirst().orElse(null);
      if (entry == null) {
        return null;
      }
      Properties p = new Properties();
      try (InputStream in = file.getInputStream(entry)) {
        p.load(in);
      }
      return p;
    }
  }

  private static void install(Path repository, String artifactId, String version, Path pom, Path jar) throws IOException {
    Path dir = Files.createDirectories(repository.resolve(GROUP.replace('.', '/')).resolve(artifactId).resolve(version));
    Files.copy(pom, dir.resolve(artifactId + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
    if (jar != null) {
      Files.copy(jar, dir.resolve(artifactId + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String child(Element parent, String name) {
    for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
  }

  /**
   * A minimal jar project: the README's block, with the host's own dependencies added at the
   * end of its {@code <dependencies>}; plugins at the versions this build uses; a manifest that
   * makes {@code java -jar} run {@code Host} on the class path Maven resolved.
   */
  private static Path writeProject(Path project) throws IOException {
    String block = ReadmeEmbedding.dependencyBlock();
    int end = block.lastIndexOf("</dependencies>");
    assertThat(end).as("the README's dependency block has <dependencies>").isPositive();
    assertThat(block.substring(end).strip()).as("the README's dependency block ends with its <dependencies>")
        .isEqualTo("</dependencies>");
    String hostDependencies = """
          <!-- the host's own, as it had them before Scimkit -->
          <dependency>
            <groupId>org.glassfish.jersey.containers</groupId>
            <artifactId>jersey-container-grizzly2-http</artifactId>
            <version>%1$s</version>
          </dependency>
          <dependency>
            <groupId>org.glassfish.jersey.inject</groupId>
            <artifactId>jersey-hk2</artifactId>
            <version>%1$s</version>
          </dependency>
          <dependency>
            <groupId>com.h2database</groupId>
            <artifactId>h2</artifactId>
            <version>%2$s</version>
          </dependency>
        """.formatted(required("scimkit.it.jersey.version"), required("scimkit.it.h2.version"));
    String pom = """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>com.example</groupId>
        <artifactId>readme-host</artifactId>
        <version>1.0</version>
        <properties>
          <maven.compiler.release>17</maven.compiler.release>
          <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
        </properties>
        %s
        <build>
          <plugins>
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-compiler-plugin</artifactId>
              <version>%s</version>
            </plugin>
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-surefire-plugin</artifactId>
              <version>%s</version>
            </plugin>
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-jar-plugin</artifactId>
              <version>%s</version>
              <configuration>
                <archive>
                  <manifest>
                    <mainClass>Host</mainClass>
                    <addClasspath>true</addClasspath>
                    <classpathLayoutType>repository</classpathLayoutType>
                    <classpathPrefix>../../repository/</classpathPrefix>
                    <useUniqueVersions>false</useUniqueVersions>
                  </manifest>
                </archive>
              </configuration>
            </plugin>
          </plugins>
        </build>
        </project>
        """.formatted(block.substring(0, end) + hostDependencies + block.substring(end),
            required("scimkit.it.compiler.plugin.version"), required("scimkit.it.surefire.plugin.version"),
            required("scimkit.it.jar.plugin.version"));
    Path sources = Files.createDirectories(project.resolve("src/main/java"));
    Files.writeString(project.resolve("pom.xml"), pom, UTF_8);
    Files.writeString(sources.resolve("Scim.java"), ReadmeEmbedding.snippet(), UTF_8);
    Files.copy(ReadmeEmbedding.HOST_SOURCE, sources.resolve("Host.java"));
    return project;
  }

  /**
   * Settings that put the outer build's local repository, by its {@code file:} URL, before
   * Maven Central (which the super POM declares): no snapshots from it, and no checksums to
   * check (a local repository keeps none).
   */
  private static Path writeSettings(Path settings) throws IOException {
    String outer = Path.of(required("scimkit.it.outerRepository")).toUri().toString();
    return Files.writeString(settings, """
        <settings>
          <profiles>
            <profile>
              <id>outer-build</id>
              <repositories>
                <repository>
                  <id>outer-build</id>
                  <url>%1$s</url>
                  <releases><checksumPolicy>ignore</checksumPolicy></releases>
                  <snapshots><enabled>false</enabled></snapshots>
                </repository>
              </repositories>
              <pluginRepositories>
                <pluginRepository>
                  <id>outer-build</id>
                  <url>%1$s</url>
                  <releases><checksumPolicy>ignore</checksumPolicy></releases>
                  <snapshots><enabled>false</enabled></snapshots>
                </pluginRepository>
              </pluginRepositories>
            </profile>
          </profiles>
          <activeProfiles>
            <activeProfile>outer-build</activeProfile>
          </activeProfiles>
        </settings>
        """.formatted(outer), UTF_8);
  }

  /**
   * {@code mvn package} in {@code project}, with these settings only (user and global), offline
   * when the outer build is.
   */
  private static void build(Path project, Path settings, Path repository) throws Exception {
    boolean windows = System.getProperty("os.name").startsWith("Windows");
    Path mvn = Path.of(required("scimkit.it.maven.home"), "bin", windows ? "mvn.cmd" : "mvn");
    List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-ntp", "-s", settings.toString(),
        "-gs", settings.toString(), "-Dmaven.repo.local=" + repository));
    boolean offline = Boolean.parseBoolean(required("scimkit.it.offline"));
    if (offline) {
      command.addAll(List.of("-o", "-Daether.offline.protocols=file")); // the outer build's repository stays
    }
    command.add("package");
    Path log = project.resolveSibling("maven.log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process maven = builder.start();
    if (!maven.waitFor(180, TimeUnit.SECONDS)) {
      maven.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail("mvn package of the new project did not finish within 180 s:%n%s", tail(log, 40));
    }
    assertThat(maven.exitValue()).as("mvn package of the new project (%s)%s:%n%s", String.join(" ", command),
        offline ? ", offline as the outer build: what it needs must be in " + required("scimkit.it.outerRepository")
            + " (an online build fetches what is not)" : "", errors(log))
        .isZero();
  }

  private static String errors(Path log) throws IOException {
    List<String> errors = Files.readAllLines(log).stream().filter(l -> l.startsWith("[ERROR]")).limit(40).toList();
    return errors.isEmpty() ? tail(log, 40) : String.join("\n", errors);
  }

  private static String tail(Path log, int lines) throws IOException {
    List<String> all = Files.readAllLines(log);
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /**
   * The host jar's class path names this build's jars, byte for byte, and just the modules the
   * README says: the block's two and what {@code scim-jaxrs} brings.
   */
  private static void assertClassPathHasThisBuildsModules(Path jar, Map<String, Path> staged) throws IOException {
    assertThat(jar).as("built by mvn package").isRegularFile();
    String classPath;
    try (JarFile file = new JarFile(jar.toFile())) {
      classPath = file.getManifest().getMainAttributes().getValue("Class-Path");
    }
    List<String> scimkit = new ArrayList<>();
    for (String entry : classPath.split(" ")) {
      if (entry.contains("/" + GROUP.replace('.', '/') + "/")) {
        Path resolved = jar.getParent().resolve(entry).normalize();
        String artifactId = resolved.getParent().getParent().getFileName().toString();
        assertThat(staged).as("a dev.scimkit jar this build made").containsKey(artifactId);
        assertThat(Files.mismatch(resolved, staged.get(artifactId))).as("%s is this build's %s", resolved, staged.get(artifactId))
            .isEqualTo(-1L);
        scimkit.add(artifactId);
      }
    }
    assertThat(scimkit).containsExactlyInAnyOrder("scim-jaxrs", "scim-core", "scim-filter", "scim-store-jdbc");
  }

  /** The files under {@code dir} with their modification times (none if it does not exist). */
  private static Map<Path, FileTime> listing(Path dir) throws IOException {
    Map<Path, FileTime> files = new TreeMap<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          files.put(p, Files.getLastModifiedTime(p));
        }
      }
    }
    return files;
  }

  private static String required(String name) {
    String value = System.getProperty(name);
    assertThat(value).as("system property %s (the examples POM's failsafe configuration sets it)", name).isNotBlank();
    return value;
  }
}
