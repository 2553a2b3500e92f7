"""Writes one message as backend-flask's lib/ddb.py create_message does (pattern C), with the real boto3.

Usage: create_message.py GROUP_UUID TEXT USER_UUID DISPLAY_NAME HANDLE [--zero-microseconds]
The endpoint, table, region and credentials come from the environment, as in backend-flask
(AWS_ENDPOINT_URL, DDB_MESSAGE_TABLE, AWS_DEFAULT_REGION, AWS_ACCESS_KEY_ID, ...). Prints the sort key.
"""
import os
import sys
import uuid
from datetime import datetime, timezone

import boto3


def main():
    group, text, user_uuid, display_name, handle = sys.argv[1:6]
    now = datetime.now(timezone.utc)
    if "--zero-microseconds" in sys.argv[6:]:
        now = now.replace(microsecond=0)
    # backend-flask: datetime.now(timezone.utc).astimezone().isoformat() -- the host's zone, no fraction at 0 us
    created_at = now.astimezone().isoformat()
    attrs = {}
    if os.getenv("AWS_ENDPOINT_URL"):
        attrs["endpoint_url"] = os.getenv("AWS_ENDPOINT_URL")
    client = boto3.client("dynamodb", **attrs)
    client.put_item(
        TableName=os.getenv("DDB_MESSAGE_TABLE"),
        Item={
            "pk": {"S": f"MSG#{group}"},
            "sk": {"S": created_at},
            "message": {"S": text},
            "message_uuid": {"S": str(uuid.uuid4())},
            "user_uuid": {"S": user_uuid},
            "user_display_name": {"S": display_name},
            "user_handle": {"S": handle},
        },
    )
    print(created_at)


if __name__ == "__main__":
    main()
