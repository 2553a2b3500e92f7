package com.cruddur.messaging.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementError;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;

/**
 * DynamoDB refusing single statements of a BatchExecuteStatement, played in front of DynamoDB Local: in a chosen
 * request, every statement of the chosen kind ("INSERT", "DELETE", "UPDATE") is not executed (it is swapped for a
 * delete of a key that never exists, which does nothing) and is answered with an error code, as DynamoDB answers a
 * throttled or refused statement while the others of the request go through.
 */
public final class FailStatements implements ExecutionInterceptor {

    private static final ExecutionAttribute<List<Integer>> REFUSED = new ExecutionAttribute<>("FailStatements.refused");
    private static final ExecutionAttribute<String> CODE = new ExecutionAttribute<>("FailStatements.code");
    private static final Pattern TABLE = Pattern.compile("(?:INTO|FROM|UPDATE) \"([^\"]+)\"");

    private final String kind;
    private final java.util.function.IntFunction<String> codeForCall;
    private final AtomicInteger candidateCalls = new AtomicInteger();
    private final AtomicInteger refusedCalls = new AtomicInteger();

    /** The first {@code calls} requests with a statement of {@code kind} have those statements refused with {@code code}. */
    public FailStatements(String kind, int calls, String code) {
        this(kind, call -> call <= calls ? code : null);
    }

    /** {@code codeForCall} answers, for the n-th request (from 1) holding a statement of {@code kind}, the code to refuse them with, or null. */
    private FailStatements(String kind, java.util.function.IntFunction<String> codeForCall) {
        this.kind = kind;
        this.codeForCall = codeForCall;
    }

    /** Every {@code n}-th request with a statement of {@code kind} (none for 0) has them refused, with the codes in turn. */
    public static FailStatements everyNth(String kind, int n, String... codes) {
        return new FailStatements(kind, call -> n > 0 && call % n == 0 ? codes[(call / n) % codes.length] : null);
    }

    /** How many requests had statements refused. */
    public int refusedCalls() {
        return refusedCalls.get();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!(context.request() instanceof BatchExecuteStatementRequest request)) {
            return context.request();
        }
        List<Integer> refused = new ArrayList<>();
        List<BatchStatementRequest> statements = new ArrayList<>(request.statements());
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).statement().startsWith(kind)) {
                refused.add(i);
            }
        }
        String code = refused.isEmpty() ? null : codeForCall.apply(candidateCalls.incrementAndGet());
        if (code == null) {
            return request;
        }
        refusedCalls.incrementAndGet();
        attributes.putAttribute(REFUSED, refused);
        attributes.putAttribute(CODE, code);
        for (int i : refused) {
            Matcher table = TABLE.matcher(statements.get(i).statement());
            table.find();
            statements.set(i, BatchStatementRequest.builder()
                    .statement("DELETE FROM \"" + table.group(1) + "\" WHERE pk = ? AND sk = ?")
                    .parameters(AttributeValue.fromS("NEVER#" + UUID.randomUUID()), AttributeValue.fromS("never"))
                    .build());
        }
        return request.toBuilder().statements(statements).build();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        List<Integer> refused = attributes.getAttribute(REFUSED);
        if (refused == null || !(context.response() instanceof BatchExecuteStatementResponse response)) {
            return context.response();
        }
        List<BatchStatementResponse> responses = new ArrayList<>(response.responses());
        String code = attributes.getAttribute(CODE);
        for (int i : refused) {
            responses.set(i, BatchStatementResponse.builder()
                    .error(BatchStatementError.builder().code(code).message("refused by the test: " + code).build())
                    .build());
        }
        return response.toBuilder().responses(responses).build();
    }
}
