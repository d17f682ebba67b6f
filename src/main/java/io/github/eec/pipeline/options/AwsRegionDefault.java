package io.github.eec.pipeline.options;

import java.util.Locale;

/**
 * Registering Beam's file systems builds an S3 client configuration, and without a region (the
 * {@code aws.region} property, {@code AWS_REGION}, a profile or {@code --awsRegion}) the AWS SDK
 * asks the EC2 instance metadata service for one, which off EC2 costs seconds of time-outs at every
 * start. A run that touches no {@code s3://} path never uses that region, so it gets a placeholder;
 * a run on S3 keeps the SDK's own lookup.
 */
public final class AwsRegionDefault {
  private AwsRegionDefault() {}

  public static void applyUnlessS3(HourlyMetricsOptions options) {
    boolean usesS3 = isS3(options.getInput()) || isS3(options.getOutput());
    if (!usesS3
        && System.getProperty("aws.region") == null
        && System.getenv("AWS_REGION") == null) {
      System.setProperty("aws.region", "us-east-1");
    }
  }

  private static boolean isS3(String path) {
    return path != null && path.trim().toLowerCase(Locale.ROOT).startsWith("s3://");
  }
}
