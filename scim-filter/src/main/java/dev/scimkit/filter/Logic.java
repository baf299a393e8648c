package dev.scimkit.filter;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/** Invariants shared by the logical nodes of {@link Filter}. */
final class Logic {
  private Logic() {}

  /**
   * Copies {@code operands} into an immutable list, splicing in the operands of any operand of the
   * same kind, and checks that at least two remain.
   */
  static List<Filter> flatten(List<Filter> operands, Class<? extends Filter> kind, String keyword) {
    requireNonNull(operands, "operands == null");
    boolean nested = false;
    for (Filter operand : operands) {
      requireNonNull(operand, "operand == null");
      nested |= kind.isInstance(operand);
    }
    List<Filter> result;
    if (nested) {
      result = new ArrayList<>(operands.size() * 2);
      for (Filter operand : operands) {
        if (kind.isInstance(operand)) {
          result.addAll(operandsOf(operand));
        } else {
          result.add(operand);
        }
      }
    } else {
      result = operands;
    }
    if (result.size() < 2) {
      throw new IllegalArgumentException("'" + keyword + "' needs at least two operands");
    }
    return List.copyOf(result);
  }

  private static List<Filter> operandsOf(Filter logical) {
    return logical instanceof Filter.And and ? and.operands() : ((Filter.Or) logical).operands();
  }

  /** Whether {@code filter} is or contains a {@link Filter.ValuePath}. */
  static boolean containsValuePath(Filter filter) {
    return filter.accept(
        new Filter.Visitor<Boolean>() {
          @Override
          public Boolean visitAnd(Filter.And and) {
            return any(and.operands());
          }

          @Override
          public Boolean visitOr(Filter.Or or) {
            return any(or.operands());
          }

          @Override
          public Boolean visitNot(Filter.Not not) {
            return not.operand().accept(this);
          }

          @Override
          public Boolean visitComparison(Filter.Comparison comparison) {
            return false;
          }

          @Override
          public Boolean visitPresent(Filter.Present present) {
            return false;
          }

          @Override
          public Boolean visitValuePath(Filter.ValuePath valuePath) {
            return true;
          }

          private boolean any(List<Filter> operands) {
            for (Filter operand : operands) {
              if (operand.accept(this)) {
                return true;
              }
            }
            return false;
          }
        });
  }
}
