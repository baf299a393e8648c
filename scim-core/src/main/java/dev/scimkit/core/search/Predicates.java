package dev.scimkit.core.search;

import java.util.List;
import java.util.function.Predicate;

/**
 * The logical nodes of a compiled filter. {@code and} and {@code or} loop over their operands
 * rather than chaining {@link Predicate#and}, so evaluation recurses only as deep as the filter
 * nests.
 */
final class Predicates {
  private Predicates() {}

  static <T> Predicate<T> never() {
    return t -> false;
  }

  static <T> Predicate<T> allOf(List<Predicate<T>> operands) {
    @SuppressWarnings("unchecked")
    Predicate<T>[] array = (Predicate<T>[]) operands.toArray(new Predicate<?>[0]);
    return t -> {
      for (Predicate<T> p : array) {
        if (!p.test(t)) {
          return false;
        }
      }
      return true;
    };
  }

  static <T> Predicate<T> anyOf(List<Predicate<T>> operands) {
    @SuppressWarnings("unchecked")
    Predicate<T>[] array = (Predicate<T>[]) operands.toArray(new Predicate<?>[0]);
    return t -> {
      for (Predicate<T> p : array) {
        if (p.test(t)) {
          return true;
        }
      }
      return false;
    };
  }

  static <T> Predicate<T> not(Predicate<T> operand) {
    return t -> !operand.test(t);
  }
}
