package io.platformsim.scheduler.pod;

/**
 * Label requirement operators (k8s.io/apimachinery pkg/labels/selector.go). {@link #GT} and {@link
 * #LT} are only valid in node selector terms.
 */
public enum Operator {
  /** Label present with one of the values. */
  IN,
  /** Label absent, or present with none of the values. */
  NOT_IN,
  /** Label present. */
  EXISTS,
  /** Label absent. */
  DOES_NOT_EXIST,
  /** Label present, both parse as integers, label value greater. */
  GT,
  /** Label present, both parse as integers, label value smaller. */
  LT
}
