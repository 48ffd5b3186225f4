package io.platformsim.identity.ipam;

/**
 * The network interface limits of one instance type under the AWS VPC CNI without prefix
 * delegation.
 *
 * @param instanceType e.g. {@code m5.large}
 * @param enis network interfaces the instance can attach
 * @param ipv4PerEni IPv4 addresses per interface (one of them the interface's primary)
 */
public record EniLimit(String instanceType, int enis, int ipv4PerEni) {

  /** Validates the fields. */
  public EniLimit {
    if (instanceType == null || instanceType.isBlank()) {
      throw new IllegalArgumentException(
          "instance type must not be blank, was '" + instanceType + "'");
    }
    if (enis < 1 || ipv4PerEni < 2) {
      throw new IllegalArgumentException(
          "instance type "
              + instanceType
              + " needs enis >= 1 and ipv4PerEni >= 2, was "
              + enis
              + " x "
              + ipv4PerEni);
    }
  }

  /**
   * Pod addresses: every ENI's secondary addresses, {@code enis × (ipv4PerEni − 1)} (the primary
   * address of each ENI is not given to pods).
   */
  public int podAddresses() {
    return enis * (ipv4PerEni - 1);
  }

  /**
   * The kubelet max-pods the EKS AMI sets: {@code enis × (ipv4PerEni − 1) + 2}, the +2 being
   * host-network pods (aws-node, kube-proxy) that need no pod address (awslabs/amazon-eks-ami
   * files/eni-max-pods.txt; aws/amazon-vpc-cni-k8s README).
   */
  public int maxPods() {
    return podAddresses() + 2;
  }

  @Override
  public String toString() {
    return instanceType
        + "("
        + enis
        + " ENIs x "
        + ipv4PerEni
        + " IPv4 = maxPods "
        + maxPods()
        + ")";
  }
}
