"""Creates cruddur-messages as the bootcamp's backend-flask/bin/ddb/schema-load does (its later variant, with the GSI),
with the real boto3: the table people who did the bootcamp already have in their account.

Usage: schema_load.py
The bootcamp script picks its endpoint from its first argument (prod = AWS, else http://dynamodb-local:8000); this copy
takes it from AWS_ENDPOINT_URL, as backend-flask does. Everything it sends to create_table is the script's own.
"""
import os

import boto3

attrs = {"endpoint_url": os.environ["AWS_ENDPOINT_URL"]}
ddb = boto3.client("dynamodb", **attrs)

table_name = "cruddur-messages"

response = ddb.create_table(
    TableName=table_name,
    AttributeDefinitions=[
        {"AttributeName": "message_group_uuid", "AttributeType": "S"},
        {"AttributeName": "pk", "AttributeType": "S"},
        {"AttributeName": "sk", "AttributeType": "S"},
    ],
    KeySchema=[
        {"AttributeName": "pk", "KeyType": "HASH"},
        {"AttributeName": "sk", "KeyType": "RANGE"},
    ],
    GlobalSecondaryIndexes=[{
        "IndexName": "message-group-sk-index",
        "KeySchema": [
            {"AttributeName": "message_group_uuid", "KeyType": "HASH"},
            {"AttributeName": "sk", "KeyType": "RANGE"},
        ],
        "Projection": {"ProjectionType": "ALL"},
        "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
    }],
    BillingMode="PROVISIONED",
    ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
)
print(response["TableDescription"]["TableName"])
