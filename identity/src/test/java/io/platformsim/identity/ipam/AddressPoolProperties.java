package io.platformsim.identity.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class AddressPoolProperties {

  /**
   * Random allocate/release sequences against a model set: no address is handed out while held, the
   * pool is full exactly when the model holds capacity addresses, counts add up.
   */
  @Property(tries = 200)
  void neverHandsOutAnAddressTwice(
      @ForAll @IntRange(min = 24, max = 30) int prefix,
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 9) Integer> ops) {
    AddressPool pool = new AddressPool(Cidr.parse("10.1.0.0/" + prefix), 1, 1);
    Set<Long> held = new HashSet<>();
    List<Long> order = new ArrayList<>();
    for (int op : ops) {
      if (op < 6) { // allocate more often than release so pools fill up
        long a = pool.allocate();
        if (held.size() == pool.capacity()) {
          assertEquals(AddressPool.NONE, a);
        } else {
          assertNotEquals(AddressPool.NONE, a);
          assertTrue(held.add(a), "handed out twice: " + Ipv4.format(a));
          assertTrue(pool.cidr().contains(a));
          order.add(a);
        }
      } else if (!order.isEmpty()) {
        long a = order.remove((op * 7919) % order.size());
        pool.release(a);
        held.remove(a);
        assertFalse(pool.isAllocated(a));
      }
      assertEquals(held.size(), pool.used());
      assertEquals(pool.capacity(), pool.used() + pool.free());
    }
  }

  /**
   * Every released address can be handed out again: fill, release some, refill gets exactly them.
   */
  @Property(tries = 100)
  void everyReleasedAddressIsReusable(
      @ForAll @IntRange(min = 25, max = 29) int prefix,
      @ForAll @Size(max = 30) Set<@IntRange(min = 0, max = 200) Integer> picks) {
    AddressPool pool = new AddressPool(Cidr.parse("192.168.0.0/" + prefix), 1, 1);
    List<Long> all = new ArrayList<>();
    for (long a; (a = pool.allocate()) != AddressPool.NONE; ) {
      all.add(a);
    }
    assertEquals(pool.capacity(), all.size());
    Set<Long> released = new HashSet<>();
    for (int p : picks) {
      long a = all.get(p % all.size());
      if (released.add(a)) {
        pool.release(a);
      }
    }
    Set<Long> again = new HashSet<>();
    for (long a; (a = pool.allocate()) != AddressPool.NONE; ) {
      again.add(a);
    }
    assertEquals(released, again);
  }
}
