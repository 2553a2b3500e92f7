package com.cruddur.messaging.backend;

import java.util.Map;
import java.util.Optional;

import com.cruddur.messaging.auth.Auth;
import com.cruddur.messaging.config.StageConfig;
import com.cruddur.messaging.config.StageNames;
import com.cruddur.messaging.data.MessagesTable;
import com.cruddur.messaging.network.Network;
import com.cruddur.messaging.references.PublishedVersion;
import com.cruddur.messaging.references.PublishingStack;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * {@code Cruddur-<stage>-Backend}: the stage's {@link BackendService}, with its URL and names as outputs, and the
 * {@link BackendFirewall} on its load balancer where the stage sets {@code backend.firewall}.
 */
public final class BackendStack extends PublishingStack {

    private final BackendService backend;
    private final Optional<BackendFirewall> firewall;

    public BackendStack(Construct scope, StageConfig config, StackProps props, Network network, MessagesTable messagesTable, Auth auth) {
        super(scope, config.stackName("Backend"), props, publishedVersion(config));
        this.backend = new BackendService(this, "Backend", new BackendServiceProps(config.name(), config.backend(), network,
                messagesTable, auth.userPool(), auth.webClient(), config.logRetention(), config.holdsRealData()));
        new BackendAlarms(this, "Alarms", backend);
        this.firewall = config.backend().firewall().map(settings -> new BackendFirewall(this, "Firewall",
                new BackendFirewallProps(StageNames.backendFirewall(config.name()), settings, backend.loadBalancer())));
        publish(backend.loadBalancer().getLoadBalancerFullName());
        publish(backend.cluster().getClusterName());
        publish(backend.service().getServiceName());
        CfnOutput.Builder.create(this, "LoadBalancerUrl")
                .description("The load balancer's own URL (point the backend's DNS name here)")
                .value(backend.url())
                .build();
        CfnOutput.Builder.create(this, "BackendUrl")
                .description("BACKEND_URL / REACT_APP_BACKEND_URL: the stage's backendUrl, else the load balancer's URL")
                .value(config.backend().backendUrl().orElse(backend.url()))
                .build();
        CfnOutput.Builder.create(this, "ConnectionUrlParameter")
                .description("The SSM SecureString the tasks read CONNECTION_URL from (its name, not the secret)")
                .value(config.backend().connectionUrlParameter())
                .build();
        CfnOutput.Builder.create(this, "ClusterName").value(backend.cluster().getClusterName()).build();
        CfnOutput.Builder.create(this, "ServiceName").value(backend.service().getServiceName()).build();
    }

    /** The cluster, service and load balancer names the dashboard reads: new ones in another environment or under other names. */
    static PublishedVersion publishedVersion(StageConfig config) {
        return new PublishedVersion(Map.of(
                "environment", config.environmentName(),
                "cluster", BackendService.clusterName(config.name()),
                "service", BackendService.CONTAINER_NAME));
    }

    public BackendService backend() {
        return backend;
    }

    /** The web ACL on the load balancer, where the stage has one. */
    public Optional<BackendFirewall> firewall() {
        return firewall;
    }
}
