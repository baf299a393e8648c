package dev.scimkit.core.bulk;

import static dev.scimkit.core.bulk.BulkFixtures.BASE;
import static dev.scimkit.core.bulk.BulkFixtures.CTX;
import static dev.scimkit.core.bulk.BulkFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.BulkLimits;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.schema.Schemas;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The order operations run in, and that long reference chains cannot exhaust the stack. */
class BulkPlanTest {

  @Test
  void components_withoutReferences_keepRequestOrder() {
    List<int[]> components = BulkPlan.components(new int[][] {{}, {}, {}});
    assertThat(components).containsExactly(new int[] {0}, new int[] {1}, new int[] {2});
  }

  @Test
  void components_dependenciesComeFirstAndCyclesStayTogether() {
    // 0 -> 2, 1 <-> 3, 2 alone
    List<int[]> components = BulkPlan.components(new int[][] {{2}, {3}, {}, {1}});
    assertThat(components).containsExactly(new int[] {2}, new int[] {0}, new int[] {1, 3});
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void components_chainOfAMillionReferences_doesNotOverflowTheStack() {
    int n = 1_000_000;
    int[][] dependsOn = new int[n][];
    for (int i = 0; i < n; i++) {
      dependsOn[i] = i + 1 < n ? new int[] {i + 1} : new int[0];
    }
    List<int[]> components = BulkPlan.components(dependsOn);
    assertThat(components).hasSize(n);
    assertThat(components.get(0)).containsExactly(n - 1);
    assertThat(components.get(n - 1)).containsExactly(0);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void bulk_managerChainInReverseOrder_createsEveryUser() {
    int n = 2000;
    ScimEngine engine = BulkFixtures.engine(new BulkLimits(n, 10 << 20));
    ObjectNode body = json("{'Operations':[]}");
    ArrayNode ops = (ArrayNode) body.get("Operations");
    for (int i = 0; i < n; i++) {
      ObjectNode data = json("{'userName':'u" + i + "'}");
      if (i + 1 < n) {
        data.putObject(Schemas.ENTERPRISE_USER).putObject("manager").put("value", "bulkId:u" + (i + 1));
      }
      ops.addObject().put("method", "POST").put("path", "/Users").put("bulkId", "u" + i).set("data", data);
    }

    ObjectNode response = engine.bulk(body, CTX, BASE);

    assertThat(BulkFixtures.statuses(response)).hasSize(n).containsOnly("201");
    assertThat(BulkFixtures.count(engine, "User", CTX)).isEqualTo(n);
  }
}
