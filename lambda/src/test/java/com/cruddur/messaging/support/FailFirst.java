package com.cruddur.messaging.support;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * DynamoDB refusing calls, played in front of DynamoDB Local through the SDK's interceptor hook: the first
 * {@code times} calls of one operation fail with the given exception before they are sent, as a throttled
 * call fails after the SDK's own retries.
 */
public final class FailFirst implements ExecutionInterceptor {

    private final String operation;
    private final int times;
    private final Supplier<RuntimeException> failure;
    private final AtomicInteger failed = new AtomicInteger();

    public FailFirst(String operation, int times, Supplier<RuntimeException> failure) {
        this.operation = operation;
        this.times = times;
        this.failure = failure;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)) && failed.get() < times) {
            failed.incrementAndGet();
            throw failure.get();
        }
    }

    public int failed() {
        return failed.get();
    }
}
