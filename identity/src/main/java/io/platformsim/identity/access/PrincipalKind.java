package io.platformsim.identity.access;

/** What a principal is the identity of. */
public enum PrincipalKind {
  /** LeSP: the cloud role (instance profile) of a service's machines. */
  MACHINE_ROLE,
  /** KuSP: the cloud role of a node. */
  NODE_ROLE,
  /** KuSP: the role bound to a service account (workload identity, IRSA). */
  SERVICE_ACCOUNT_ROLE
}
