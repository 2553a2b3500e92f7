package com.cruddur.messaging.data;

import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

import com.cruddur.messaging.config.TableBilling;

/**
 * The single table of SPEC §1 ({@code cruddur-messages}): {@code pk}/{@code sk} strings, the sparse
 * GSI {@value #MESSAGE_GROUP_INDEX} over {@code message_group_uuid}/{@code sk} (messages carry no
 * {@code message_group_uuid}, so only conversation rows are indexed), and a NEW_IMAGE stream for
 * the processor of access pattern E. Provisioned capacity is auto-scaled ({@link CapacityAutoScaling}).
 */
public final class MessagesTable extends Construct {

    public static final String PARTITION_KEY = "pk";
    public static final String SORT_KEY = "sk";
    public static final String MESSAGE_GROUP_INDEX = "message-group-sk-index";
    public static final String MESSAGE_GROUP_UUID = "message_group_uuid";
    /** The partition key prefix of a conversation's messages, {@code MSG#<message_group_uuid>} (SPEC §1). */
    public static final String MESSAGES_PARTITION_PREFIX = "MSG#";
    /** What the stream carries: the new image is all the stream processor reads (SPEC §3). */
    public static final StreamViewType STREAM_VIEW = StreamViewType.NEW_IMAGE;

    private final Table table;
    private final String tableName;

    public MessagesTable(Construct scope, String id, MessagesTableProps props) {
        super(scope, id);
        this.tableName = props.tableName();
        Table.Builder table = Table.Builder.create(this, "Table")
                .tableName(props.tableName())
                .partitionKey(stringAttribute(PARTITION_KEY))
                .sortKey(stringAttribute(SORT_KEY))
                // The processor only needs the new image (SPEC §1); a smaller view keeps stream records lean.
                .stream(STREAM_VIEW)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(props.holdsRealData())
                        .build())
                .deletionProtection(props.holdsRealData())
                .removalPolicy(props.holdsRealData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
        props.encryptionKey().ifPresentOrElse(
                key -> table.encryption(TableEncryption.CUSTOMER_MANAGED).encryptionKey(key),
                () -> table.encryption(TableEncryption.AWS_MANAGED));

        GlobalSecondaryIndexProps.Builder index = GlobalSecondaryIndexProps.builder()
                .indexName(MESSAGE_GROUP_INDEX)
                .partitionKey(stringAttribute(MESSAGE_GROUP_UUID))
                .sortKey(stringAttribute(SORT_KEY))
                .projectionType(ProjectionType.ALL);

        if (props.billing() instanceof TableBilling.Provisioned units) {
            // The template starts at the floors; auto scaling owns the numbers from there.
            table.billingMode(BillingMode.PROVISIONED)
                    .readCapacity(units.table().read().min())
                    .writeCapacity(units.table().write().min());
            index.readCapacity(units.index().read().min()).writeCapacity(units.index().write().min());
        } else {
            table.billingMode(BillingMode.PAY_PER_REQUEST);
        }
        this.table = table.build();
        this.table.addGlobalSecondaryIndex(index.build());
        if (props.billing() instanceof TableBilling.Provisioned units) {
            CapacityAutoScaling.apply(this.table, MESSAGE_GROUP_INDEX, units);
        }
        if (!props.holdsRealData()) {
            Validations.of(this.table).acknowledge(Acknowledgment.builder()
                    .id("AwsSolutions-DDB3")
                    .reason("This stage holds no real data (holdsRealData=false): its table only carries seed and test data that a redeploy recreates, so point-in-time recovery would be cost without benefit.")
                    .build());
        }
    }

    public ITable table() {
        return table;
    }

    /** The physical name as configured: a plain string, for ARNs that must not be cross-stack references. */
    public String tableName() {
        return tableName;
    }

    private static Attribute stringAttribute(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }
}
