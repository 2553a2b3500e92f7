package com.cruddur.messaging.support;

import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Counts the items DynamoDB read to answer the client's queries ({@code ScannedCount}, before any filter): what reads cost. */
public final class ScannedItems implements ExecutionInterceptor {

    private final AtomicInteger scanned = new AtomicInteger();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.response() instanceof QueryResponse response && response.scannedCount() != null) {
            scanned.addAndGet(response.scannedCount());
        }
    }

    public int total() {
        return scanned.get();
    }
}
