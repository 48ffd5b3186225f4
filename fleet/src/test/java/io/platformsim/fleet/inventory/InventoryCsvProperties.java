package io.platformsim.fleet.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any inventory of services written as CSV reads back equal. */
class InventoryCsvProperties {

  private static final InstanceCatalogue AWS = InstanceCatalogue.AWS_US_EAST_1;

  @Property(tries = 200)
  void csvRoundTrip(@ForAll("inventories") Inventory inventory) {
    String csv = InventoryCsv.write(inventory);
    assertEquals(inventory, InventoryCsv.read(csv, "generated.csv", AWS), csv);
  }

  @Provide
  Arbitrary<Inventory> inventories() {
    Arbitrary<String> services =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars('-', '.', '_')
            .ofMinLength(1)
            .ofMaxLength(12)
            .filter(s -> Character.isLetter(s.charAt(0)));
    Arbitrary<String> types = Arbitraries.of(AWS.types()).map(t -> t.name());
    Arbitrary<String> zones = Arbitraries.of("", "us-east-1a", "us-east-1b", "eu-west-1c");
    Arbitrary<Integer> counts = Arbitraries.integers().between(1, 500);
    Arbitrary<List<Object>> rows = Combinators.combine(services, types, zones, counts).as(List::of);
    return rows.list()
        .ofMaxSize(30)
        .map(
            rs -> {
              Inventory.Builder b = Inventory.builder();
              for (List<Object> r : rs) {
                b.add((String) r.get(0), (String) r.get(1), (String) r.get(2), (Integer) r.get(3));
              }
              return b.build();
            });
  }
}
