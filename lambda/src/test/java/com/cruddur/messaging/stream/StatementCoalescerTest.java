package com.cruddur.messaging.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;

/** A batch's row writes share requests: how they are gathered, packed and answered (a recording sender instead of DynamoDB). */
class StatementCoalescerTest {

    /** Long enough that only "every conversation in progress is waiting" or the statement limit sends a request. */
    private static final Duration NEVER = Duration.ofMinutes(1);

    private final List<List<String>> requests = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** Answers each statement with an item naming it, and records the requests. */
    private List<BatchStatementResponse> send(List<BatchStatementRequest> request) {
        requests.add(request.stream().map(BatchStatementRequest::statement).toList());
        return request.stream().map(statement -> BatchStatementResponse.builder()
                .item(Map.of("statement", AttributeValue.fromS(statement.statement()))).build()).toList();
    }

    private static List<ConversationRowStore.KeyedStatement> statements(String conversation, int count) {
        return IntStream.range(0, count).mapToObj(i -> new ConversationRowStore.KeyedStatement(
                BatchStatementRequest.builder().statement(conversation + "-" + i).build(),
                Map.of("pk", AttributeValue.fromS("GRP#" + conversation), "sk", AttributeValue.fromS(String.valueOf(i))))).toList();
    }

    private static List<String> answered(List<BatchStatementResponse> responses) {
        return responses.stream().map(response -> response.item().get("statement").s()).toList();
    }

    @Test
    void theConversationsInProgressShareOneRequestAndEachGetsItsOwnAnswers() throws Exception {
        StatementCoalescer coalescer = new StatementCoalescer(this::send, NEVER);
        List<String> conversations = List.of("a", "b", "c", "d", "e");
        conversations.forEach(conversation -> coalescer.enter());
        List<Future<List<BatchStatementResponse>>> answers = new ArrayList<>();
        for (String conversation : conversations) {
            answers.add(threads.submit(() -> coalescer.execute(statements(conversation, 2))));
        }
        for (int i = 0; i < conversations.size(); i++) {
            assertEquals(List.of(conversations.get(i) + "-0", conversations.get(i) + "-1"), answered(answers.get(i).get()));
        }
        assertEquals(1, requests.size(), requests.toString());
        assertEquals(10, requests.get(0).size());
    }

    @Test
    void aRequestHoldsAtMostTwentyFiveStatements() {
        StatementCoalescer coalescer = new StatementCoalescer(this::send, NEVER);
        coalescer.enter();

        assertEquals(30, coalescer.execute(statements("a", 30)).size());
        assertEquals(List.of(25, 5), requests.stream().map(List::size).toList());
    }

    @Test
    void aKeyNamedTwiceGoesInTheNextRequest() throws Exception {
        StatementCoalescer coalescer = new StatementCoalescer(this::send, NEVER);
        coalescer.enter();
        coalescer.enter();
        Future<List<BatchStatementResponse>> first = threads.submit(() -> coalescer.execute(statements("a", 1)));
        Future<List<BatchStatementResponse>> second = threads.submit(() -> coalescer.execute(statements("a", 1)));

        assertEquals(List.of("a-0"), answered(first.get()));
        assertEquals(List.of("a-0"), answered(second.get()));
        assertEquals(2, requests.size(), "both statements write GRP#a/0: " + requests);
    }

    @Test
    void aFailedRequestFailsTheStatementsItCarriedOnly() throws Exception {
        StatementCoalescer coalescer = new StatementCoalescer(request -> {
            if (!requests.isEmpty()) {
                throw new IllegalStateException("throttled");
            }
            return send(request);
        }, NEVER);
        coalescer.enter();
        coalescer.enter();
        Future<List<BatchStatementResponse>> full = threads.submit(() -> coalescer.execute(statements("a", 25)));
        // The 25 statements fill a request, which goes at once; waiting for its answer (not for a fixed time, which a
        // busy machine can outlast) makes the other conversation's statement the second request.
        assertEquals(25, full.get().size());
        // "a" is done; otherwise "b" would wait the whole linger for it before its request goes out.
        coalescer.leave();
        Future<List<BatchStatementResponse>> next = threads.submit(() -> coalescer.execute(statements("b", 1)));

        assertEquals("throttled", assertThrows(java.util.concurrent.ExecutionException.class, next::get).getCause().getMessage());
    }

    @Test
    void aSenderThatDiesFailsTheOthersStatementsInsteadOfLeavingThemWaiting() throws Exception {
        StatementCoalescer coalescer = new StatementCoalescer(request -> {
            throw new StackOverflowError("the function died");
        }, NEVER);
        coalescer.enter();
        coalescer.enter();
        Future<List<BatchStatementResponse>> first = threads.submit(() -> coalescer.execute(statements("a", 1)));
        Future<List<BatchStatementResponse>> second = threads.submit(() -> coalescer.execute(statements("b", 1)));

        List<Throwable> causes = new ArrayList<>();
        for (Future<List<BatchStatementResponse>> answer : List.of(first, second)) {
            causes.add(assertThrows(java.util.concurrent.ExecutionException.class, answer::get).getCause());
        }
        assertEquals(1, causes.stream().filter(StackOverflowError.class::isInstance).count(), "the sender's own thread dies: " + causes);
        assertEquals(1, causes.stream().filter(IllegalStateException.class::isInstance).count(), "the other is told: " + causes);
    }

    @Test
    void aConversationThatIsDoneNoLongerHoldsTheOthers() throws Exception {
        StatementCoalescer coalescer = new StatementCoalescer(this::send, NEVER);
        coalescer.enter();
        coalescer.enter();
        Future<List<BatchStatementResponse>> waiting = threads.submit(() -> coalescer.execute(statements("a", 1)));
        coalescer.leave();

        assertEquals(List.of("a-0"), answered(waiting.get()));
    }

    @Test
    void aConversationStillReadingHoldsTheOthersNoLongerThanTheLinger() {
        StatementCoalescer coalescer = new StatementCoalescer(this::send, Duration.ofMillis(20));
        coalescer.enter();
        coalescer.enter();

        assertEquals(List.of("a-0"), answered(coalescer.execute(statements("a", 1))));
        assertEquals(1, requests.size());
    }
}
