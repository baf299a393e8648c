package dev.scimkit.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's embedding section does what it says, checked fast on this module's class path:
 * its dependency block names the modules this build makes, at this build's version, through the
 * BOM; its snippet compiles as it stands (with its imports) against those modules and Jersey;
 * and, added to a Jersey app at {@code /api} that has its own {@code /api/hello} and its own
 * {@code 401}, it serves SCIM at {@code /api/scim/v2} while the app's {@code 401}, {@code 404}
 * and {@code 405} stay the app's. {@code ReadmeMavenProjectIT} proves the same of a new Maven
 * project that depends only on what the block names.
 */
class ReadmeEmbeddingTest {
  private static final Path ROOT = ServerJar.ROOT;

  @TempDir Path work;

  @Test
  void dependencyBlock_importsTheBomAtThisVersion_andNamesModulesThisBuildPublishes() throws IOException {
    String block = ReadmeEmbedding.dependencyBlock();
    String version = text(Files.readString(ROOT.resolve("scim-bom/pom.xml")), "version");

    assertThat(block).contains("<artifactId>scim-bom</artifactId>", "<version>" + version + "</version>",
        "<type>pom</type>", "<scope>import</scope>");
    Matcher artifact = Pattern.compile("<artifactId>(scim-[a-z-]+)</artifactId>").matcher(block);
    int modules = 0;
    while (artifact.find()) {
      String pom = Files.readString(ROOT.resolve(artifact.group(1)).resolve("pom.xml"));
      assertThat(pom).contains("<artifactId>" + artifact.group(1) + "</artifactId>");
      assertThat(Files.readString(ROOT.resolve("scim-bom/pom.xml"))).contains("<artifactId>" + artifact.group(1) + "</artifactId>");
      modules++;
    }
    assertThat(modules).as("the BOM and the modules").isEqualTo(3);
    assertThat(block.split("<version>", -1)).as("one version, the BOM's: it manages the others").hasSize(2);
  }

  @Test
  @Timeout(120)
  void snippet_compilesAsItStands_andServesScimBesideTheAppsOwnApi() throws Exception {
    String snippet = ReadmeEmbedding.snippet();
    assertThat(snippet.lines().filter(l -> !l.isBlank() && !l.startsWith("import ")).count())
        .as("ten lines of code and a few of declaration").isLessThanOrEqualTo(16);
    Path source = work.resolve("Scim.java");
    Files.writeString(source, snippet, UTF_8);
    Path classes = Files.createDirectory(work.resolve("classes"));
    String classPath = System.getProperty("java.class.path");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = javac.run(null, null, diagnostics, "-classpath", classPath, "-d", classes.toString(),
        "-Xlint:all", "-Werror", source.toString(), ReadmeEmbedding.HOST_SOURCE.toString());
    assertThat(status).as("javac of the README's snippet and the host app:%n%s", diagnostics.toString(UTF_8))
        .isZero();

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try (ReadmeEmbedding host = ReadmeEmbedding.start(work,
        List.of(java, "-cp", classes + File.pathSeparator + classPath, "Host"))) {
      host.checkScim();
      host.checkTheHostsOwnAnswers();
    }
  }

  private static String text(String xml, String element) {
    Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
