package io.platformsim.fleet.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.lesp.InstanceMenu;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.yaml.YamlFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The readers on the fixtures in examples/fleet/inventory. Expected counts come from how the
 * fixtures were written (see examples/fleet/README.md, section "Legacy inventory"), counted by
 * hand: describe-instances.json holds 22 instances, 19 tagged over 4 services, 2 untagged, 1
 * terminated.
 */
class InventoryReadersTest {

  private static final Path DIR = Path.of("../examples/fleet/inventory");
  private static final InstanceCatalogue AWS = InstanceCatalogue.AWS_US_EAST_1;

  private static String fixture(String name) throws IOException {
    return Files.readString(DIR.resolve(name));
  }

  private static Inventory instances(ServiceMapping mapping) throws IOException {
    return Ec2InstancesReader.read(
        fixture("describe-instances.json"), "describe-instances.json", mapping, AWS);
  }

  private static Map<String, Integer> byTypeAndZone(ServiceInventory s) {
    Map<String, Integer> m = new TreeMap<>();
    s.machines().forEach(c -> m.put(c.instanceType() + "@" + c.zone(), c.count()));
    return m;
  }

  @Test
  void describeInstancesCountsPerServiceTypeAndZone() throws IOException {
    Inventory inv = instances(ServiceMapping.DEFAULT);
    assertEquals(
        List.of("catalog", "checkout", "payments", "search"),
        inv.services().stream().map(ServiceInventory::service).toList());
    // catalog has no service tag: it maps by its aws:autoscaling:groupName tag.
    assertEquals(
        Map.of("r5.large@us-east-1a", 2, "r5.large@us-east-1b", 2),
        byTypeAndZone(inv.service("catalog").orElseThrow()));
    // checkout: 6 running m5.large 3+3; the seventh (terminated) is skipped.
    assertEquals(
        Map.of("m5.large@us-east-1a", 3, "m5.large@us-east-1b", 3),
        byTypeAndZone(inv.service("checkout").orElseThrow()));
    assertEquals(
        Map.of(
            "m6i.large@us-east-1a", 1,
            "m6i.large@us-east-1b", 1,
            "m6i.large@us-east-1c", 1,
            "t3.medium@us-east-1a", 1),
        byTypeAndZone(inv.service("payments").orElseThrow()));
    ServiceInventory search = inv.service("search").orElseThrow();
    assertEquals(Map.of("c5.xlarge", 5), search.byType());
    assertEquals(Map.of("us-east-1a", 2, "us-east-1b", 2, "us-east-1c", 1), search.byZone());

    InventoryReport r = inv.report();
    assertEquals(4, r.services());
    assertEquals(6 + 5 + 4 + 4, r.machines());
    assertEquals(1, r.skipped());
    assertEquals(
        List.of(
            new UnmappedMachine(
                "i-0a1b2c3d4e5f00015",
                "t3.micro",
                "us-east-1c",
                "describe-instances.json: Reservations[4].Instances[0]"),
            new UnmappedMachine(
                "i-0a1b2c3d4e5f00016",
                "m5.xlarge",
                "us-east-1a",
                "describe-instances.json: Reservations[4].Instances[1]")),
        r.unmapped());
    assertTrue(
        r.toString().contains("unmapped: i-0a1b2c3d4e5f00015 t3.micro us-east-1c"), r::toString);
  }

  @Test
  void theServiceTagKeyIsConfigurable() throws IOException {
    // Only the 5 search machines carry team=discovery; catalog still maps by its group name.
    Inventory byTeam = instances(ServiceMapping.tag("team"));
    assertEquals(
        Map.of("discovery", 5, "catalog", 4),
        Map.of(
            "discovery", byTeam.service("discovery").orElseThrow().total(),
            "catalog", byTeam.service("catalog").orElseThrow().total()));
    assertEquals(2, byTeam.services().size());
    assertEquals(6 + 4 + 2, byTeam.unmapped().size()); // checkout, payments, the untagged two

    // Without the group-name fallback, catalog's 4 machines are unmapped too: none dropped.
    Inventory tagOnly = instances(new ServiceMapping("team", false));
    assertEquals(5, tagOnly.machines());
    assertEquals(22 - 1 - 5, tagOnly.unmapped().size());
  }

  @Test
  void autoScalingGroupsByInstancesOrByDesiredCapacity() throws IOException {
    Inventory inv =
        AutoScalingGroupsReader.read(
            fixture("describe-auto-scaling-groups.json"), "asg.json", ServiceMapping.DEFAULT, AWS);
    // web-asg is tagged service=web: 3 InService m5.large, one per zone; the Terminating one
    // skipped.
    assertEquals(
        Map.of("m5.large@us-east-1a", 1, "m5.large@us-east-1b", 1, "m5.large@us-east-1c", 1),
        byTypeAndZone(inv.service("web").orElseThrow()));
    assertEquals(1, inv.skipped());
    // worker lists no instances: DesiredCapacity 5 of its first override, round-robin over a, b.
    assertEquals(
        Map.of("c6i.xlarge@us-east-1a", 3, "c6i.xlarge@us-east-1b", 2),
        byTypeAndZone(inv.service("worker").orElseThrow()));
    assertEquals(new InventoryReport(2, 8, List.of(), 1), inv.report());
  }

  @Test
  void csvWithAndWithoutZone() throws IOException {
    Inventory inv = InventoryCsv.read(fixture("inventory.csv"), "inventory.csv", AWS);
    assertEquals(
        Map.of("r6i.2xlarge@us-east-1a", 2, "r6i.2xlarge@us-east-1b", 1),
        byTypeAndZone(inv.service("legacy-billing").orElseThrow()));
    assertEquals(Map.of("t3.large@", 4), byTypeAndZone(inv.service("reports").orElseThrow()));
    assertEquals(new InventoryReport(2, 7, List.of(), 0), inv.report());
  }

  @Test
  void allThreeSourcesAddUp() throws IOException {
    Inventory all =
        instances(ServiceMapping.DEFAULT)
            .plus(
                AutoScalingGroupsReader.read(
                    fixture("describe-auto-scaling-groups.json"),
                    "asg.json",
                    ServiceMapping.DEFAULT,
                    AWS))
            .plus(InventoryCsv.read(fixture("inventory.csv"), "inventory.csv", AWS));
    assertEquals(new InventoryReport(8, 19 + 8 + 7, all.unmapped(), 2), all.report());
    assertEquals(2, all.unmapped().size());
  }

  @Test
  void lespPoolsPinEachServiceToItsMainType() throws IOException {
    LespPools pools = LespPools.of(instances(ServiceMapping.DEFAULT), AWS);
    assertEquals(
        Map.of("catalog", 4, "checkout", 6, "payments", 4, "search", 5), pools.poolSizes());
    // payments runs 3 m6i.large and 1 t3.medium: pinned to m6i.large and listed as mixed.
    assertEquals(
        Map.of(
            "catalog", "r5.large",
            "checkout", "m5.large",
            "payments", "m6i.large",
            "search", "c5.xlarge"),
        pools.pins());
    assertEquals(List.of("payments"), pools.mixedTypes());
    // The menu holds the pinned types only, in catalogue order (AWS_DEFAULT's order first).
    assertEquals(
        InstanceMenu.of(
            AWS.type("m5.large"),
            AWS.type("r5.large"),
            AWS.type("c5.xlarge"),
            AWS.type("m6i.large")),
        pools.menu());
    LespConfig config = pools.applyTo(LespConfig.builder()).build();
    assertEquals(pools.menu(), config.menu());
    assertEquals(pools.pins(), config.pinnedTypes());
  }

  @Test
  void unknownInstanceTypeNamesFileLinePathAndValue() throws IOException {
    String json = fixture("describe-instances.json");
    int at = json.indexOf("\"c5.xlarge\"");
    String bad =
        json.substring(0, at) + "\"x9.huge\"" + json.substring(at + "\"c5.xlarge\"".length());
    int line = (int) bad.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    YamlFileException e =
        assertThrows(
            YamlFileException.class,
            () -> Ec2InstancesReader.read(bad, "bad.json", ServiceMapping.DEFAULT, AWS));
    assertEquals("bad.json", e.file());
    assertEquals(line, e.line());
    assertEquals("Reservations[1].Instances[0].InstanceType", e.field());
    assertTrue(
        e.getMessage()
            .startsWith(
                "bad.json:"
                    + line
                    + ": Reservations[1].Instances[0].InstanceType: unknown instance type 'x9.huge'"),
        e::getMessage);
  }

  @Test
  void unknownOverrideTypeInAGroup() throws IOException {
    String bad = fixture("describe-auto-scaling-groups.json").replace("c6i.xlarge", "c9.mega");
    YamlFileException e =
        assertThrows(
            YamlFileException.class,
            () -> AutoScalingGroupsReader.read(bad, "asg.json", ServiceMapping.DEFAULT, AWS));
    assertEquals(
        "AutoScalingGroups[1].MixedInstancesPolicy.LaunchTemplate.Overrides[0].InstanceType",
        e.field());
    assertTrue(e.problem().contains("'c9.mega'"), e::getMessage);
  }

  @Test
  void aGroupWithoutInstancesOrOverridesHasNoKnownType() {
    String json =
        "{\"AutoScalingGroups\": [{\"AutoScalingGroupName\": \"old\", \"DesiredCapacity\": 2,\n"
            + " \"LaunchConfigurationName\": \"old-lc\", \"Instances\": []}]}";
    YamlFileException e =
        assertThrows(
            YamlFileException.class,
            () -> AutoScalingGroupsReader.read(json, "asg.json", ServiceMapping.DEFAULT, AWS));
    assertEquals("AutoScalingGroups[0].Instances", e.field());
    assertEquals(2, e.line());
    assertTrue(e.problem().contains("group 'old'"), e::getMessage);
  }

  @Test
  void malformedJsonNamesFileAndLine() {
    String json = "{\n  \"Reservations\": [\n    {\"Instances\": [\n}\n";
    YamlFileException e =
        assertThrows(
            YamlFileException.class,
            () -> Ec2InstancesReader.read(json, "broken.json", ServiceMapping.DEFAULT, AWS));
    assertEquals("broken.json", e.file());
    assertTrue(e.line() >= 3, e::getMessage);
    assertTrue(e.problem().startsWith("not valid YAML"), e::getMessage);
  }

  @Test
  void missingReservationsIsAnError() {
    YamlFileException e =
        assertThrows(
            YamlFileException.class,
            () ->
                Ec2InstancesReader.read(
                    "{\"AutoScalingGroups\": []}", "x.json", ServiceMapping.DEFAULT, AWS));
    assertEquals("x.json:1: missing field 'Reservations' (a list)", e.getMessage());
  }

  @Test
  void csvBadCountNamesLineFieldAndValue() {
    String csv = "service,instance_type,count\nweb,m5.large,2\nweb,m5.large,two\n";
    YamlFileException e =
        assertThrows(YamlFileException.class, () -> InventoryCsv.read(csv, "inv.csv", AWS));
    assertEquals("inv.csv:3: count: must be a whole number >= 1, was 'two'", e.getMessage());
    YamlFileException zero =
        assertThrows(
            YamlFileException.class, () -> InventoryCsv.read("web,m5.large,0", "inv.csv", AWS));
    assertEquals("inv.csv:1: count: must be a whole number >= 1, was '0'", zero.getMessage());
  }

  @Test
  void csvUnknownTypeAndWrongFieldCount() {
    YamlFileException type =
        assertThrows(
            YamlFileException.class, () -> InventoryCsv.read("web,m5.huge,1", "inv.csv", AWS));
    assertEquals("instance_type", type.field());
    assertTrue(type.problem().startsWith("unknown instance type 'm5.huge'"), type::getMessage);
    YamlFileException fields =
        assertThrows(
            YamlFileException.class, () -> InventoryCsv.read("\nweb,m5.large", "inv.csv", AWS));
    assertEquals(2, fields.line());
    assertTrue(fields.problem().contains("got 2 fields"), fields::getMessage);
  }
}
