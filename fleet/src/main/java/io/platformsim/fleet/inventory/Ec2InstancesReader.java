package io.platformsim.fleet.inventory;

import io.platformsim.core.yaml.YamlFileException;
import io.platformsim.core.yaml.YamlMapping;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the JSON printed by {@code aws ec2 describe-instances} (AWS CLI reference,
 * https://docs.aws.amazon.com/cli/latest/reference/ec2/describe-instances.html; the shape is the
 * DescribeInstances response: {@code Reservations[].Instances[]}, each instance with {@code
 * InstanceId}, {@code InstanceType}, {@code Placement.AvailabilityZone}, {@code State.Name} and
 * {@code Tags[]} of {@code {Key, Value}}, see
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Instance.html). Other fields are
 * ignored.
 *
 * <p>Each instance maps to a service by {@link ServiceMapping} (its tags, then its {@code
 * aws:autoscaling:groupName} tag); one that maps to none is listed as unmapped. Instances whose
 * {@code State.Name} is {@code terminated} or {@code shutting-down} are skipped and counted
 * (DescribeInstances lists recently terminated instances for up to an hour); {@code pending},
 * {@code running}, {@code stopping} and {@code stopped} ones are machines of the fleet.
 */
public final class Ec2InstancesReader {

  /** The states of machines that are gone or going (EC2 instance lifecycle). */
  public static final Set<String> SKIPPED_STATES = Set.of("terminated", "shutting-down");

  private Ec2InstancesReader() {}

  /**
   * The inventory in {@code json}, naming it {@code file} in errors.
   *
   * @throws YamlFileException naming file, line, JSON path and value: malformed JSON, a missing
   *     {@code Reservations} or {@code InstanceType}, an instance type not in {@code catalogue}
   */
  public static Inventory read(
      String json, String file, ServiceMapping mapping, InstanceCatalogue catalogue) {
    YamlMapping root = AwsJson.root(json, file);
    Inventory.Builder b = Inventory.builder();
    for (YamlMapping reservation : AwsJson.requiredList(root, "Reservations").mappings()) {
      for (YamlMapping instance : AwsJson.requiredList(reservation, "Instances").mappings()) {
        String state = instance.mapping("State").flatMap(s -> s.scalar("Name")).orElse("running");
        if (SKIPPED_STATES.contains(state)) {
          b.skip();
          continue;
        }
        String type = AwsJson.type(instance, "InstanceType", catalogue).name();
        String zone =
            instance.mapping("Placement").flatMap(p -> p.scalar("AvailabilityZone")).orElse("");
        Map<String, String> tags = AwsJson.tags(instance);
        Optional<String> service =
            mapping.serviceOf(tags, Optional.ofNullable(tags.get(ServiceMapping.GROUP_NAME_TAG)));
        if (service.isPresent()) {
          b.add(service.get(), type, zone, 1);
        } else {
          b.unmapped(
              new UnmappedMachine(
                  instance.scalar("InstanceId").orElse(""),
                  type,
                  zone,
                  AwsJson.source(instance, file)));
        }
      }
    }
    return b.build();
  }
}
