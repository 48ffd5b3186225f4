package io.platformsim.fleet.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.lesp.InstanceMenu;
import io.platformsim.core.lesp.InstanceType;
import io.platformsim.core.workload.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalogue against the AWS figures: vCPU and memory from the instance-type pages
 * (https://aws.amazon.com/ec2/instance-types/), on-demand Linux prices in us-east-1 from
 * https://aws.amazon.com/ec2/pricing/on-demand/.
 */
class InstanceCatalogueTest {

  private static final InstanceCatalogue AWS = InstanceCatalogue.AWS_US_EAST_1;

  @ParameterizedTest(name = "{0}: {1} vCPU, {2} MiB, ${3}/h")
  @CsvSource({
    "m5.large,      2,    8192, 0.096",
    "m5.24xlarge,  96,  393216, 4.608",
    "m6i.4xlarge,  16,   65536, 0.768",
    "m6i.32xlarge, 128, 524288, 6.144",
    "c5.9xlarge,   36,   73728, 1.53",
    "c6i.large,     2,    4096, 0.085",
    "c6i.16xlarge, 64,  131072, 2.72",
    "r5.4xlarge,   16,  131072, 1.008",
    "r6i.xlarge,    4,   32768, 0.252",
    "r6i.32xlarge, 128, 1048576, 8.064",
    "t3.nano,       2,     512, 0.0052",
    "t3.medium,     2,    4096, 0.0416",
    "t3.2xlarge,    8,   32768, 0.3328",
  })
  void awsFigures(String name, int vcpu, long mib, double price) {
    InstanceType t = AWS.type(name);
    assertEquals(Resources.of(vcpu * 1000L, mib), t.capacity());
    assertEquals(price, t.hourlyPriceUsd(), 1e-9);
  }

  @ParameterizedTest
  @ValueSource(strings = {"m5", "m6i", "c5", "c6i", "r5", "r6i"})
  void everyFamilyHasItsCommonSizes(String family) {
    for (String size :
        new String[] {"large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"}) {
      assertTrue(AWS.find(family + "." + size).isPresent(), family + "." + size);
    }
  }

  @Test
  void reusesTheLespMenuDefinitions() {
    // One definition of each price: every AWS_DEFAULT type is in the catalogue, equal.
    for (InstanceType t : InstanceMenu.AWS_DEFAULT.types()) {
      assertEquals(t, AWS.type(t.name()));
    }
  }

  @Test
  void anUnknownTypeIsAnErrorNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AWS.type("m5.mega"));
    assertTrue(e.getMessage().contains("'m5.mega'"), e::getMessage);
  }
}
