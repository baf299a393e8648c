package dev.scimkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks what this module publishes, after {@code package}: the jar carries its own relocated ANTLR
 * runtime and works without one on the class path, and the POM that is published (the
 * dependency-reduced one) does not make users depend on ANTLR. Run by maven-failsafe, which passes
 * the paths as the system properties {@code scimkit.filter.jar} and {@code scimkit.filter.pom}.
 */
class ShadedArtifactIT {

  private static final String MAVEN_NS = "http://maven.apache.org/POM/4.0.0";
  private static final String SHADED = "dev/scimkit/filter/internal/shaded/antlr/";

  // ---- the published POM -------------------------------------------------------------------

  @Test
  void publishedPom_declaresNoAntlrDependency() throws Exception {
    Document pom = readPom();
    Element project = pom.getDocumentElement();
    assertThat(project.getLocalName()).isEqualTo("project");
    assertThat(text(child(project, "artifactId"))).isEqualTo("scim-filter");

    List<Element> dependencies = new ArrayList<>();
    // the project's own dependencies, its dependency management, and those of every profile
    collectDependencies(project, dependencies);
    for (Element profiles : children(project, "profiles")) {
      for (Element profile : children(profiles, "profile")) {
        collectDependencies(profile, dependencies);
      }
    }
    assertThat(dependencies).as("the test dependencies are still declared").isNotEmpty();
    for (Element dependency : dependencies) {
      assertThat(text(child(dependency, "groupId")))
          .as("dependency %s", text(child(dependency, "artifactId")))
          .doesNotStartWith("org.antlr");
      assertThat(text(child(dependency, "scope")))
          .as("scim-filter needs nothing at run time (DESIGN.md)")
          .isEqualTo("test");
    }
  }

  @Test
  void publishedPom_stillNamesAntlrOnlyInTheBuildSection() throws Exception {
    // Proves that the check above reads the right file: the plugin section legitimately
    // mentions org.antlr, so a plain text search would have been wrong.
    Element project = readPom().getDocumentElement();
    Element build = child(project, "build");
    assertThat(build).isNotNull();
    boolean antlrPlugin = false;
    for (Element plugins : children(build, "plugins")) {
      for (Element plugin : children(plugins, "plugin")) {
        antlrPlugin |= "antlr4-maven-plugin".equals(text(child(plugin, "artifactId")));
      }
    }
    assertThat(antlrPlugin).isTrue();
  }

  private static void collectDependencies(Element owner, List<Element> into) {
    for (Element dependencies : children(owner, "dependencies")) {
      into.addAll(children(dependencies, "dependency"));
    }
    for (Element management : children(owner, "dependencyManagement")) {
      for (Element dependencies : children(management, "dependencies")) {
        into.addAll(children(dependencies, "dependency"));
      }
    }
  }

  // ---- the jar -----------------------------------------------------------------------------

  @Test
  void jar_containsTheRelocatedRuntimeAndNoOriginalAntlrClasses() throws IOException {
    try (JarFile jar = new JarFile(jarPath().toFile())) {
      List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();

      assertThat(names)
          .contains(
              SHADED + "CharStreams.class",
              SHADED + "CommonTokenStream.class",
              SHADED + "atn/ParserATNSimulator.class",
              "dev/scimkit/filter/Filters.class",
              "dev/scimkit/filter/internal/grammar/ScimFilterParser.class");
      assertThat(names).noneMatch(name -> name.startsWith("org/antlr/"));
      assertThat(names).noneMatch(name -> name.startsWith("META-INF/maven/org.antlr"));
      assertThat(names).noneMatch(name -> name.endsWith("module-info.class"));
    }
  }

  @Test
  void jar_classesReferOnlyToTheRelocatedRuntime() throws IOException {
    byte[] original = "org/antlr/v4/runtime".getBytes(StandardCharsets.UTF_8);
    List<String> offenders = new ArrayList<>();
    int classes = 0;
    try (JarFile jar = new JarFile(jarPath().toFile())) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        classes++;
        try (InputStream in = jar.getInputStream(entry)) {
          if (indexOf(in.readAllBytes(), original) >= 0) {
            offenders.add(entry.getName());
          }
        }
      }
    }
    assertThat(classes).isGreaterThan(100);
    assertThat(offenders).as("classes that still name org/antlr/v4/runtime").isEmpty();
  }

  @Test
  void jar_parsesFiltersWithNoAntlrOnTheClassPath() throws Exception {
    URL[] onlyTheJar = {jarPath().toUri().toURL()};
    try (URLClassLoader loader =
        new URLClassLoader(onlyTheJar, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> loader.loadClass("org.antlr.v4.runtime.CharStreams"))
          .as("the loader must not see an unshaded ANTLR")
          .isInstanceOf(ClassNotFoundException.class);

      Class<?> filters = loader.loadClass("dev.scimkit.filter.Filters");
      assertThat(filters.getClassLoader()).isSameAs(loader);
      Method parse = filters.getMethod("parse", String.class);
      Method parsePath = filters.getMethod("parsePath", String.class);
      Method format = filters.getMethod("format", loader.loadClass("dev.scimkit.filter.Filter"));

      String text =
          "userName eq \"bjensen\" and emails[type eq \"work\" and value co \"@example.com\"]";
      Object filter = parse.invoke(null, text);
      assertThat(filter.getClass().getClassLoader()).isSameAs(loader);
      assertThat(format.invoke(null, filter)).isEqualTo(text);
      assertThat(
              format.invoke(null, parse.invoke(null, "emails[type eq \"work\"].value eq \"x@y\"")))
          .isEqualTo("emails[type eq \"work\" and value eq \"x@y\"]");
      assertThat(parsePath.invoke(null, "members[value eq \"2819c223\"]").toString())
          .isEqualTo("members[value eq \"2819c223\"]");

      // errors come out of the relocated runtime as our exception, with our message
      assertThatThrownBy(() -> parse.invoke(null, "userName eq \"a\" junk"))
          .isInstanceOf(InvocationTargetException.class)
          .cause()
          .satisfies(
              e ->
                  assertThat(e.getClass().getName())
                      .isEqualTo("dev.scimkit.filter.FilterParseException"))
          .hasMessageStartingWith("unexpected 'junk' after the end of the filter at position 16");
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static Path jarPath() {
    return existing("scimkit.filter.jar");
  }

  private static Document readPom() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(existing("scimkit.filter.pom").toFile());
  }

  private static Path existing(String property) {
    String value = System.getProperty(property);
    assertThat(value).as("system property %s (set by maven-failsafe)", property).isNotBlank();
    Path path = Path.of(value);
    assertThat(Files.isRegularFile(path)).as("%s exists", path).isTrue();
    return path;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && name.equals(e.getLocalName())
          && MAVEN_NS.equals(e.getNamespaceURI())) {
        found.add(e);
      }
    }
    return found;
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static String text(Element element) {
    return element == null ? null : element.getTextContent().trim();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
