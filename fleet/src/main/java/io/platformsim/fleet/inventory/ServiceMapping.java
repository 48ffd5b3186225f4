package io.platformsim.fleet.inventory;

import java.util.Map;
import java.util.Optional;

/**
 * Which service a machine belongs to: the value of its tag {@code tagKey} if present and not blank;
 * otherwise, if {@code byGroupName}, the name of its auto-scaling group (for {@code
 * describe-instances}, the tag {@code aws:autoscaling:groupName} that EC2 Auto Scaling puts on
 * every instance it launches; for {@code describe-auto-scaling-groups}, {@code
 * AutoScalingGroupName}); otherwise none, and the machine is reported as unmapped.
 *
 * <p>Default ({@link #DEFAULT}): tag key {@code service} (an assumption: AWS defines no standard
 * tag for the service a machine runs, so the default is the plain word and the key is configurable)
 * and the group name as fallback (a group usually runs one service).
 *
 * @param tagKey the tag holding the service name; not blank
 * @param byGroupName whether a machine without that tag maps to its auto-scaling group's name
 */
public record ServiceMapping(String tagKey, boolean byGroupName) {

  /** Tag {@code service}, then the auto-scaling group name. */
  public static final ServiceMapping DEFAULT = new ServiceMapping("service", true);

  /** The tag EC2 Auto Scaling adds to the instances it launches, naming the group. */
  public static final String GROUP_NAME_TAG = "aws:autoscaling:groupName";

  /** Validates the tag key. */
  public ServiceMapping {
    if (tagKey == null || tagKey.isBlank()) {
      throw new IllegalArgumentException("tagKey must not be blank, was '" + tagKey + "'");
    }
  }

  /** The default mapping with tag key {@code key}. */
  public static ServiceMapping tag(String key) {
    return new ServiceMapping(key, true);
  }

  /** The service of a machine with these tags in group {@code groupName} (empty if none). */
  public Optional<String> serviceOf(Map<String, String> tags, Optional<String> groupName) {
    String v = tags.get(tagKey);
    if (v != null && !v.isBlank()) {
      return Optional.of(v.strip());
    }
    return byGroupName ? groupName.filter(g -> !g.isBlank()) : Optional.empty();
  }
}
