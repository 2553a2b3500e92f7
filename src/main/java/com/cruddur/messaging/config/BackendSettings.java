package com.cruddur.messaging.config;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The stage's {@code backend-flask} service on ECS Fargate.
 *
 * @param imageRepository    ECR repository of the image, in the stage's account and region (default {@value #DEFAULT_REPOSITORY})
 * @param image              the image to run: {@code imageTag} or {@code imageDigest}; a stage holding real data names it
 *                           (a digest, or a tag that is not a moving one such as {@code latest}), others default to the tag
 *                           {@value #DEFAULT_TAG}
 * @param cpuArchitecture    what the image is built for: {@code X86_64} or {@code ARM64}
 * @param cpu                task CPU units (256, 512, 1024, 2048, 4096)
 * @param memoryMiB          task memory, a Fargate size allowed for {@code cpu}
 * @param desiredCount       tasks at deploy time, between {@code minCount} and {@code maxCount}
 * @param minCount           fewest tasks auto scaling keeps (1..100)
 * @param maxCount           most tasks auto scaling starts (1..100)
 * @param targetCpuPercent   average CPU auto scaling holds the service at (10..90)
 * @param frontendUrl        {@code FRONTEND_URL}: where the frontend is served (CORS origin)
 * @param backendUrl         {@code BACKEND_URL}: the backend's public URL; empty = the load balancer's own URL
 * @param certificateArn     ACM certificate of the load balancer; present = HTTPS with HTTP redirected to it,
 *                           empty = plain HTTP on port 80 only
 * @param accessLogDays      days ALB access logs are kept in an encrypted bucket; empty = no access logs
 * @param placement          where tasks run: {@code PUBLIC_SUBNETS} (public IP, reach AWS APIs through the
 *                           internet gateway, no NAT cost) or {@code PRIVATE_SUBNETS} (no public IP, through NAT)
 * @param database           how the tasks reach the Postgres of {@code CONNECTION_URL} (required)
 * @param connectionUrlParameter the SSM SecureString holding {@code CONNECTION_URL}; a stage setting so that no two stages
 *                           of one account read the same database secret (default /cruddur/&lt;stage&gt;/backend-flask/CONNECTION_URL)
 * @param firewall           AWS WAF on the load balancer: managed rules and a rate limit per IP; required where the stage
 *                           holds real data, empty = no web ACL
 */
public record BackendSettings(
        String imageRepository,
        ImageReference image,
        CpuArchitecture cpuArchitecture,
        int cpu,
        int memoryMiB,
        int desiredCount,
        int minCount,
        int maxCount,
        int targetCpuPercent,
        String frontendUrl,
        Optional<String> backendUrl,
        Optional<String> certificateArn,
        OptionalInt accessLogDays,
        TaskPlacement placement,
        DatabaseAccess database,
        String connectionUrlParameter,
        Optional<FirewallSettings> firewall) {

    public static final String DEFAULT_REPOSITORY = "backend-flask";
    /** Only where the stage holds no real data: what runs is whatever {@code latest} named when the deployment started. */
    public static final String DEFAULT_TAG = "latest";

    /** Values of {@code backend.cpuArchitecture}. */
    public enum CpuArchitecture { X86_64, ARM64 }

    /** Values of {@code backend.placement}. */
    public enum TaskPlacement { PUBLIC_SUBNETS, PRIVATE_SUBNETS }

    public boolean https() {
        return certificateArn.isPresent();
    }
}
