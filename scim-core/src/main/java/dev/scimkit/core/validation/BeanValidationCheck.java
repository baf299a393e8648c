package dev.scimkit.core.validation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.ResourceType;
import jakarta.validation.Configuration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.NoProviderFoundException;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/**
 * A {@link ResourceCheck} that binds the document to a host class with Jackson and validates it
 * with Jakarta Validation, so that constraints a host already has on its own model reject bad
 * provisioning input with a SCIM error.
 *
 * <pre>{@code
 * record Employee(
 *     @NotBlank @Email String userName,
 *     @Valid Name name,
 *     @JsonProperty(Schemas.ENTERPRISE_USER) @Valid Enterprise enterprise) {
 *   record Name(@NotBlank @Size(max = 64) String givenName, String familyName) {}
 *   record Enterprise(@Pattern(regexp = "\\d{6}") String employeeNumber) {}
 * }
 *
 * ResourceCheck check = BeanValidationCheck.of(Employee.class);
 * }</pre>
 *
 * <p>The view class declares only what it constrains: unknown attributes are ignored when binding.
 * Its JSON property names must be the SCIM attribute names (Java names, or {@code @JsonProperty}
 * for the extension URN and {@code $ref}). {@link dev.scimkit.core.resource.User} binds too, for
 * constraints declared outside the class (XML or a provider's programmatic API).
 *
 * <p>A violation becomes {@code 400 invalidValue} with the detail {@code "'<attribute>'
 * <message>"}, naming the SCIM attribute path: {@code 'name.givenName' must not be blank}, {@code
 * 'emails.value' must be a well-formed email address} (no index: SCIM paths have none), {@code
 * 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber' must match
 * "\d{6}"}. When several constraints fail, the one reported is the first by attribute path, so the
 * answer does not change from one request to the next. A value the view cannot hold (text for an
 * {@code int}) is also {@code 400 invalidValue}, naming the attribute.
 *
 * <p>Requires {@code jakarta.validation:jakarta.validation-api} and a provider on the classpath;
 * they are optional dependencies of Scimkit, needed only by this class. Instances are immutable
 * and thread-safe.
 */
public final class BeanValidationCheck implements ResourceCheck {
  private static final String PARAMETER_INTERPOLATOR =
      "org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator";

  /** Lenient binding of canonical documents into host classes, which may not know every key. */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .build();

  private static final Comparator<Failure> FIRST =
      Comparator.comparing(Failure::attribute)
          .thenComparing(Failure::javaPath)
          .thenComparing(Failure::template)
          .thenComparing(Failure::message);

  private static Validator defaultValidator;

  private final Class<?> view;
  private final JavaType viewType;
  private final Validator validator;

  private BeanValidationCheck(Class<?> view, Validator validator) {
    this.view = view;
    this.viewType = MAPPER.constructType(view);
    this.validator = validator;
  }

  /**
   * A check that binds documents to {@code view} and validates them with {@code validator}, for a
   * host that configures its own (message interpolation, locale, constraint mappings). Only the
   * default validation group is validated.
   *
   * @param view the class to bind to: a record or a bean Jackson can create
   * @param validator the validator to use
   * @throws IllegalArgumentException if Jackson cannot bind to {@code view} at all (no usable
   *     constructor, conflicting properties)
   */
  public static <T> BeanValidationCheck of(Class<T> view, Validator validator) {
    requireNonNull(view, "view == null");
    requireNonNull(validator, "validator == null");
    try {
      // fail at registration, not on the first request, if the class cannot be bound at all
      MAPPER.treeToValue(MAPPER.createObjectNode(), view);
    } catch (InvalidDefinitionException e) {
      throw new IllegalArgumentException(
          "cannot bind JSON to " + view.getName() + ": " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException | RuntimeException e) {
      // an empty document may well be invalid for the view's own constructor; that is fine
    }
    return new BeanValidationCheck(view, validator);
  }

  /**
   * A check that validates with a shared default validator from the provider on the classpath.
   * With Hibernate Validator, messages are interpolated by its {@code
   * ParameterMessageInterpolator} in English: parameters such as {@code {max}} are filled in,
   * Expression Language ({@code ${validatedValue}}) is not evaluated, so no EL implementation is
   * needed and no value the client sent is echoed by a message template.
   *
   * @param view the class to bind to: a record or a bean Jackson can create
   * @throws IllegalStateException if no Jakarta Validation provider is on the classpath
   * @throws IllegalArgumentException if Jackson cannot bind to {@code view} at all
   */
  public static <T> BeanValidationCheck of(Class<T> view) {
    return of(view, defaultValidator());
  }

  /**
   * Binds {@code document} to the view and validates it.
   *
   * @throws ScimException {@code 400 invalidValue} naming the attribute of the first violation, or
   *     of a value the view cannot hold
   */
  @Override
  public void check(ResourceType type, ObjectNode document, RequestContext ctx) {
    requireNonNull(document, "document == null");
    Object bound = bind(document);
    Set<? extends ConstraintViolation<?>> violations = validator.validate(bound);
    if (violations.isEmpty()) {
      return;
    }
    Failure first = violations.stream().map(this::failure).min(FIRST).orElseThrow();
    String detail =
        first.attribute().isEmpty()
            ? first.message()
            : "'" + first.attribute() + "' " + first.message();
    throw ScimException.badRequest(ScimType.INVALID_VALUE, detail);
  }

  @Override
  public String toString() {
    return "BeanValidationCheck[" + view.getName() + ']';
  }

  private Object bind(ObjectNode document) {
    try {
      return MAPPER.treeToValue(document, view);
    } catch (InvalidDefinitionException e) {
      // the host's class, not the client's input, is at fault: let the engine answer 500
      throw new IllegalStateException(
          "cannot bind JSON to " + view.getName() + ": " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      String attribute = e instanceof JsonMappingException m ? attribute(m) : "";
      String detail =
          attribute.isEmpty()
              ? "the resource has a value this server does not accept"
              : "'" + attribute + "' has a value this server does not accept";
      // the cause (with Jackson's message naming classes) goes to the server log only
      throw new ScimException(400, ScimType.INVALID_VALUE, detail, e);
    }
  }

  /** The SCIM attribute path of a binding failure; JSON names are already SCIM names. */
  private static String attribute(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    String previous = null;
    for (JsonMappingException.Reference ref : e.getPath()) {
      String name = ref.getFieldName();
      if (name != null) {
        append(out, previous, name);
        previous = name;
      }
    }
    return out.toString();
  }

  private Failure failure(ConstraintViolation<?> v) {
    String message = v.getMessage() == null ? "is not valid" : v.getMessage();
    String template = v.getMessageTemplate() == null ? "" : v.getMessageTemplate();
    Path path = v.getPropertyPath();
    return new Failure(attribute(path), path.toString(), template, message);
  }

  /**
   * Maps a Java property path ({@code enterprise.manager.value}, {@code emails[0].value}) to the
   * SCIM attribute path by following the view's Jackson properties, so that renames ({@code
   * @JsonProperty} with the extension URN) apply and indices disappear.
   */
  private String attribute(Path path) {
    StringBuilder out = new StringBuilder();
    String previous = null;
    JavaType current = viewType;
    for (Path.Node node : path) {
      if (node.getKind() != ElementKind.PROPERTY || node.getName() == null) {
        continue; // the bean itself, or a container element such as List<@Email String>
      }
      String name = node.getName();
      JavaType next = null;
      if (current != null && !isJdkType(current)) {
        BeanDescription bean = MAPPER.getDeserializationConfig().introspect(current);
        for (BeanPropertyDefinition p : bean.findProperties()) {
          if (p.getInternalName().equals(name)) {
            name = p.getName();
            next = p.getPrimaryType();
            break;
          }
        }
      }
      append(out, previous, name);
      previous = name;
      current = elementType(next);
    }
    return out.toString();
  }

  /** Extension attributes follow their URN after a colon; sub-attributes follow a dot. */
  private static void append(StringBuilder out, String previous, String name) {
    if (previous != null) {
      out.append(previous.regionMatches(true, 0, "urn:", 0, 4) ? ':' : '.');
    }
    out.append(name);
  }

  /** The type whose properties the next path node names: the element type of a container. */
  private static JavaType elementType(JavaType type) {
    while (type != null && (type.isContainerType() || type.isReferenceType())) {
      type = type.getContentType();
    }
    return type;
  }

  private static boolean isJdkType(JavaType type) {
    String name = type.getRawClass().getName();
    return type.isPrimitive() || name.startsWith("java.") || name.startsWith("javax.");
  }

  private static synchronized Validator defaultValidator() {
    if (defaultValidator == null) {
      Configuration<?> config;
      try {
        config = Validation.byDefaultProvider().configure();
      } catch (NoProviderFoundException e) {
        throw new IllegalStateException(
            "no Jakarta Validation provider (such as org.hibernate.validator:hibernate-validator)"
                + " is on the classpath",
            e);
      }
      MessageInterpolator interpolator = parameterInterpolator();
      if (interpolator != null) {
        config.messageInterpolator(interpolator);
      }
      // the factory lives as long as the class: checks are registered once, at startup
      defaultValidator = config.buildValidatorFactory().getValidator();
    }
    return defaultValidator;
  }

  /**
   * Hibernate Validator's interpolator without Expression Language, in English, when Hibernate
   * Validator is the provider; {@code null} otherwise (the provider's default is used). Found
   * reflectively so that scim-core compiles against the API alone.
   */
  private static MessageInterpolator parameterInterpolator() {
    try {
      Class<?> c =
          Class.forName(PARAMETER_INTERPOLATOR, true, BeanValidationCheck.class.getClassLoader());
      try {
        return (MessageInterpolator)
            c.getConstructor(Set.class, Locale.class, boolean.class)
                .newInstance(Set.of(Locale.ENGLISH), Locale.ENGLISH, false);
      } catch (NoSuchMethodException e) {
        return (MessageInterpolator) c.getConstructor().newInstance();
      }
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      return null;
    }
  }

  private record Failure(String attribute, String javaPath, String template, String message) {}
}
