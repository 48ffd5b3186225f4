package io.platformsim.fleet.inventory;

import io.platformsim.core.yaml.YamlFileException;
import io.platformsim.core.yaml.YamlList;
import io.platformsim.core.yaml.YamlMapping;
import java.util.List;
import java.util.Optional;

/**
 * Reads the JSON printed by {@code aws autoscaling describe-auto-scaling-groups} (AWS CLI
 * reference,
 * https://docs.aws.amazon.com/cli/latest/reference/autoscaling/describe-auto-scaling-groups.html;
 * the shape is the DescribeAutoScalingGroups response, {@code AutoScalingGroups[]} of
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_AutoScalingGroup.html: {@code
 * AutoScalingGroupName}, {@code DesiredCapacity}, {@code AvailabilityZones[]}, {@code
 * MixedInstancesPolicy.LaunchTemplate.Overrides[].InstanceType}, {@code Tags[]}, and {@code
 * Instances[]} of API_Instance.html with {@code InstanceId}, {@code InstanceType}, {@code
 * AvailabilityZone}, {@code LifecycleState}).
 *
 * <p>A group maps to a service by {@link ServiceMapping} (its tags, then its name). Its machines
 * are its {@code Instances[]} when listed, skipping (and counting) those whose {@code
 * LifecycleState} starts with {@code Terminat} (Terminating, Terminating:Wait, ..., Terminated).
 * When the output lists no instances (run with {@code --no-include-instances}), the group has
 * {@code DesiredCapacity} machines of its first override type (the highest priority under the
 * default {@code prioritized} on-demand allocation strategy), spread round-robin over its {@code
 * AvailabilityZones} in the order listed, as EC2 Auto Scaling balances a group evenly across its
 * zones (User Guide, "Availability Zone distribution"). A group launched from a launch template or
 * configuration alone does not print its type: that is an error naming the group.
 */
public final class AutoScalingGroupsReader {

  private AutoScalingGroupsReader() {}

  /**
   * The inventory in {@code json}, naming it {@code file} in errors.
   *
   * @throws YamlFileException naming file, line, JSON path and value: malformed JSON, a missing
   *     field, a group whose instance type cannot be known, a type not in {@code catalogue}
   */
  public static Inventory read(
      String json, String file, ServiceMapping mapping, InstanceCatalogue catalogue) {
    YamlMapping root = AwsJson.root(json, file);
    Inventory.Builder b = Inventory.builder();
    for (YamlMapping group : AwsJson.requiredList(root, "AutoScalingGroups").mappings()) {
      String name = group.string("AutoScalingGroupName", null);
      Optional<String> service = mapping.serviceOf(AwsJson.tags(group), Optional.of(name));
      List<YamlMapping> instances =
          group.list("Instances").map(YamlList::mappings).orElse(List.of());
      if (!instances.isEmpty()) {
        for (YamlMapping i : instances) {
          if (i.scalar("LifecycleState").orElse("InService").startsWith("Terminat")) {
            b.skip();
            continue;
          }
          String type = AwsJson.type(i, "InstanceType", catalogue).name();
          String zone = i.scalar("AvailabilityZone").orElse("");
          add(b, service, i.scalar("InstanceId").orElse(""), type, zone, AwsJson.source(i, file));
        }
        continue;
      }
      int desired = group.integer("DesiredCapacity", 0, 1_000_000, null);
      if (desired == 0) {
        continue;
      }
      String type = overrideType(group, name, catalogue);
      List<String> zones = group.list("AvailabilityZones").map(YamlList::names).orElse(List.of(""));
      for (int k = 0; k < desired; k++) {
        add(b, service, "", type, zones.get(k % zones.size()), AwsJson.source(group, file));
      }
    }
    return b.build();
  }

  private static String overrideType(YamlMapping group, String name, InstanceCatalogue cat) {
    Optional<YamlMapping> overrides =
        group
            .mapping("MixedInstancesPolicy")
            .flatMap(p -> p.mapping("LaunchTemplate"))
            .flatMap(t -> t.list("Overrides"))
            .flatMap(l -> l.mappings().stream().filter(o -> o.has("InstanceType")).findFirst());
    if (overrides.isEmpty()) {
      throw group.error(
          "Instances",
          "group '"
              + name
              + "' lists no instances and no MixedInstancesPolicy.LaunchTemplate.Overrides[]"
              + ".InstanceType, so its instance type is unknown (print it with instances)");
    }
    return AwsJson.type(overrides.get(), "InstanceType", cat).name();
  }

  private static void add(
      Inventory.Builder b,
      Optional<String> service,
      String id,
      String type,
      String zone,
      String source) {
    if (service.isPresent()) {
      b.add(service.get(), type, zone, 1);
    } else {
      b.unmapped(new UnmappedMachine(id, type, zone, source));
    }
  }
}
