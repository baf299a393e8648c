package dev.scimkit.core.bulk;

import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Decides the order in which the operations of one bulk request run, and rejects those whose
 * references cannot work out: a second POST of the same bulkId, a reference to a bulkId no POST
 * defines, and circular references.
 *
 * <p>Each operation runs after the POSTs whose bulkIds it references, otherwise in request order.
 * The order comes from Tarjan's strongly connected components, computed without recursion so a
 * long chain of references cannot exhaust the stack: its components come out dependencies first,
 * and a component of more than one operation (or of one that references itself) is a cycle.
 */
final class BulkPlan {
  private BulkPlan() {}

  /** The indexes of {@code ops} in the order to run them; rejects what cannot run. */
  static int[] order(List<BulkOperation> ops) {
    int n = ops.size();
    Map<String, Integer> definers = new HashMap<>();
    for (BulkOperation op : ops) {
      if (op.method() != BulkOperation.Method.POST || op.bulkId() == null) {
        continue;
      }
      Integer first = definers.putIfAbsent(op.bulkId(), op.index());
      if (first != null) {
        op.reject(
            ScimException.badRequest(
                ScimType.INVALID_VALUE,
                BulkOperation.label(op.index()) + ": bulkId " + BulkOperation.quote(op.bulkId())
                    + " is already the bulkId of " + BulkOperation.label(first)));
      }
    }

    int[][] dependsOn = new int[n][];
    for (BulkOperation op : ops) {
      dependsOn[op.index()] = new int[0];
      if (op.rejection() != null) {
        continue;
      }
      int[] edges = new int[op.references().size()];
      int k = 0;
      for (String ref : op.references()) {
        Integer definer = definers.get(ref);
        if (definer == null) {
          op.reject(
              new ScimException(
                  409,
                  null,
                  BulkOperation.label(op.index()) + ": no POST of this request has the bulkId "
                      + BulkOperation.quote(ref)));
          edges = null;
          break;
        }
        edges[k++] = definer;
      }
      if (edges != null) {
        dependsOn[op.index()] = edges;
      }
    }

    int[] order = new int[n];
    int next = 0;
    for (int[] component : components(dependsOn)) {
      if (component.length > 1 || references(dependsOn[component[0]], component[0])) {
        rejectCycle(ops, component);
      }
      for (int i : component) {
        order[next++] = i;
      }
    }
    return order;
  }

  private static void rejectCycle(List<BulkOperation> ops, int[] component) {
    String detail;
    if (component.length == 1) {
      detail = "the POST of bulkId " + BulkOperation.quote(ops.get(component[0]).bulkId())
          + " references itself";
    } else {
      StringJoiner ids = new StringJoiner(", ");
      for (int i : component) {
        ids.add(BulkOperation.quote(ops.get(i).bulkId()));
      }
      detail = "the POSTs of bulkIds " + ids + " reference each other in a cycle";
    }
    for (int i : component) {
      ops.get(i)
          .reject(
              new ScimException(
                  409,
                  null,
                  BulkOperation.label(i) + ": " + detail
                      + "; circular bulkId references are not resolved (RFC 7644 section 3.7.1)"));
    }
  }

  private static boolean references(int[] edges, int target) {
    for (int e : edges) {
      if (e == target) {
        return true;
      }
    }
    return false;
  }

  /**
   * The strongly connected components of the graph {@code dependsOn} (an edge from an operation to
   * each one it depends on), dependencies first; each component's indexes ascending.
   */
  static List<int[]> components(int[][] dependsOn) {
    int n = dependsOn.length;
    int[] index = new int[n];
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    Deque<Integer> stack = new ArrayDeque<>();
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    int counter = 0;
    List<int[]> out = new ArrayList<>();
    for (int root = 0; root < n; root++) {
      if (index[root] != -1) {
        continue;
      }
      int depth = 0;
      index[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = true;
      callNode[depth] = root;
      callEdge[depth] = 0;
      depth++;
      while (depth > 0) {
        int v = callNode[depth - 1];
        int e = callEdge[depth - 1];
        if (e < dependsOn[v].length) {
          callEdge[depth - 1]++;
          int w = dependsOn[v][e];
          if (index[w] == -1) {
            index[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = true;
            callNode[depth] = w;
            callEdge[depth] = 0;
            depth++;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        if (low[v] == index[v]) {
          List<Integer> members = new ArrayList<>();
          int w;
          do {
            w = stack.pop();
            onStack[w] = false;
            members.add(w);
          } while (w != v);
          out.add(members.stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        depth--;
        if (depth > 0) {
          int parent = callNode[depth - 1];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }
    return out;
  }
}
