package com.cruddur.messaging.local.redrive;

import java.util.List;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The deployed stream processor's failed-batches bucket: one object per parked batch, written by Lambda only. */
public final class FailedBatchesBucket {

    private final S3Client s3;
    private final String bucket;

    public FailedBatchesBucket(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Every parked object's key, in key order (Lambda's keys carry the date, so oldest first). */
    public List<String> keys() {
        try {
            return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
        } catch (NoSuchBucketException e) {
            throw new IllegalArgumentException("bucket " + bucket + " does not exist (or is in another region); expected the"
                    + " stage's failed-batches bucket, output FailedBatchesBucketName of its StreamProcessor stack");
        }
    }

    public ParkedBatch read(String key) {
        return ParkedBatch.parse(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String(), uri(key));
    }

    /** Removes a batch whose every record has been replayed. */
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    public String uri(String key) {
        return "s3://" + bucket + "/" + key;
    }
}
