package io.platformsim.identity.access;

/**
 * An identity that can be granted access: a role.
 *
 * @param name unique within an {@link AccessGraph}, e.g. {@code sa/web} or {@code node/node-3}
 * @param kind what it is the identity of
 */
public record Principal(String name, PrincipalKind kind) {

  /** Validates the fields. */
  public Principal {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("principal name must not be blank, was '" + name + "'");
    }
    if (kind == null) {
      throw new IllegalArgumentException("kind of principal " + name + " must not be null");
    }
  }

  /** A machine role. */
  public static Principal machineRole(String name) {
    return new Principal(name, PrincipalKind.MACHINE_ROLE);
  }

  /** A node role. */
  public static Principal nodeRole(String name) {
    return new Principal(name, PrincipalKind.NODE_ROLE);
  }

  /** A service-account role. */
  public static Principal serviceAccountRole(String name) {
    return new Principal(name, PrincipalKind.SERVICE_ACCOUNT_ROLE);
  }

  @Override
  public String toString() {
    return name + "(" + kind + ")";
  }
}
