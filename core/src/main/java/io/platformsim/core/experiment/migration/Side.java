package io.platformsim.core.experiment.migration;

/** Where a service is during a migration: on LeSP only, running on both, or on KuSP only. */
public enum Side {
  /** Only on LeSP (not yet migrated, or rolled back). */
  LESP,
  /** Dual running: deployed on both platforms, its traffic split by a KuSP share. */
  DUAL,
  /** Only on KuSP: the LeSP pool has been drained and its machines terminated. */
  KUSP
}
