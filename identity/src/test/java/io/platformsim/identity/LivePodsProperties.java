package io.platformsim.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** LivePods behaves as a map from pod name to (node, service, address) under any churn. */
class LivePodsProperties {

  private record Held(String node, String service, long address) {}

  @Property(tries = 200)
  void agreesWithAMapUnderPutsAndRemoves(
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 120) Integer> ops) {
    LivePods pods = new LivePods();
    Map<String, Held> model = new HashMap<>();
    int step = 0;
    for (int op : ops) {
      // names collide often (0..59), so puts, removes and probe chains interleave
      String name = "web-r1-" + (op % 60);
      step++;
      if (op < 60 && !model.containsKey(name)) {
        // addresses over the whole unsigned 32-bit range, the top ones above Integer.MAX_VALUE
        Held h =
            new Held(
                "node-" + (step % 7),
                "svc-" + (op % 5),
                step % 2 == 0 ? 0xFFFF_FFFFL - step : step);
        pods.put(name, h.node(), h.service(), h.address());
        model.put(name, h);
      } else {
        assertEquals(model.remove(name) != null, pods.remove(name), "remove " + name);
      }
      assertEquals(model.size(), pods.size());
    }
    for (int i = 0; i < 60; i++) {
      String name = "web-r1-" + i;
      int slot = pods.slot(name);
      Held h = model.get(name);
      if (h == null) {
        assertEquals(-1, slot, name);
      } else {
        assertEquals(h, new Held(pods.node(slot), pods.service(slot), pods.address(slot)), name);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void rejectsAnAddressOutsideIpv4() {
    LivePods pods = new LivePods();
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> pods.put("p", "n", "s", 1L << 32));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> pods.put("p", "n", "s", -1));
    assertEquals(0, pods.size());
  }
}
