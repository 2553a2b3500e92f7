package com.cruddur.messaging.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;

/**
 * One batch's row writes, gathered across the conversations it refreshes concurrently, so a batch of many
 * conversations sends a request per phase, not one per conversation and phase. A conversation's statements wait until
 * every conversation in progress has its statements waiting too (or {@link #MAX_STATEMENTS} are waiting, or the first
 * has waited the linger time); then one of the waiting threads sends them all, as few requests as BatchExecuteStatement
 * allows (at most {@value #MAX_STATEMENTS} statements, no key twice), and hands each its own responses. A request that
 * fails fails the statements it carried, no others.
 */
final class StatementCoalescer implements ConversationRowStore.Statements {

    /** Statements per BatchExecuteStatement request, DynamoDB's limit. */
    static final int MAX_STATEMENTS = 25;

    /** One conversation's statements and, once sent, their responses or the request's failure. */
    private static final class Submission {
        final List<ConversationRowStore.KeyedStatement> statements;
        final long since = System.nanoTime();
        List<BatchStatementResponse> responses = new ArrayList<>();
        RuntimeException failure;
        boolean done;

        Submission(List<ConversationRowStore.KeyedStatement> statements) {
            this.statements = statements;
        }
    }

    private final Function<List<BatchStatementRequest>, List<BatchStatementResponse>> send;
    private final long lingerNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Submission> waiting = new ArrayList<>();
    private int inProgress;

    /** {@code send} sends one request of at most {@value #MAX_STATEMENTS} statements. */
    StatementCoalescer(Function<List<BatchStatementRequest>, List<BatchStatementResponse>> send, Duration linger) {
        this.send = send;
        this.lingerNanos = linger.toNanos();
    }

    /** A conversation starts: its statements will be waited for. */
    void enter() {
        lock.lock();
        try {
            inProgress++;
        } finally {
            lock.unlock();
        }
    }

    /** A conversation is done: the others no longer wait for it. */
    void leave() {
        lock.lock();
        try {
            inProgress--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<BatchStatementResponse> execute(List<ConversationRowStore.KeyedStatement> statements) {
        if (statements.isEmpty()) {
            return List.of();
        }
        Submission mine = new Submission(statements);
        lock.lock();
        try {
            waiting.add(mine);
            changed.signalAll();
            while (!mine.done) {
                if (ready()) {
                    List<Submission> taken = new ArrayList<>(waiting);
                    waiting.clear();
                    lock.unlock();
                    try {
                        sendAll(taken);
                    } finally {
                        lock.lock();
                        // Even when this thread dies sending, the others must not wait for answers that will never come.
                        taken.stream().filter(submission -> submission.failure == null && submission.responses.size() < submission.statements.size())
                                .forEach(submission -> submission.failure = new IllegalStateException("row writes not sent: the thread sending them died"));
                        taken.forEach(submission -> submission.done = true);
                        changed.signalAll();
                    }
                } else if (waiting.isEmpty()) {
                    // Another thread is sending ours right now.
                    changed.await();
                } else {
                    changed.awaitNanos(Math.max(1, lingerNanos - (System.nanoTime() - waiting.get(0).since)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to write conversation rows", e);
        } finally {
            lock.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.responses;
    }

    private boolean ready() {
        if (waiting.isEmpty()) {
            return false;
        }
        int statements = waiting.stream().mapToInt(submission -> submission.statements.size()).sum();
        return waiting.size() >= inProgress || statements >= MAX_STATEMENTS
                || System.nanoTime() - waiting.get(0).since >= lingerNanos;
    }

    /** The submissions packed into requests in order: a request ends where the next statement would exceed the limit or repeat a key. */
    private void sendAll(List<Submission> submissions) {
        List<ConversationRowStore.KeyedStatement> request = new ArrayList<>();
        List<Submission> owners = new ArrayList<>();
        Set<Map<String, AttributeValue>> keys = new HashSet<>();
        for (Submission submission : submissions) {
            for (ConversationRowStore.KeyedStatement statement : submission.statements) {
                if (request.size() == MAX_STATEMENTS || keys.contains(statement.key())) {
                    sendOne(request, owners);
                    request = new ArrayList<>();
                    owners = new ArrayList<>();
                    keys.clear();
                }
                request.add(statement);
                owners.add(submission);
                keys.add(statement.key());
            }
        }
        sendOne(request, owners);
    }

    private void sendOne(List<ConversationRowStore.KeyedStatement> request, List<Submission> owners) {
        if (request.isEmpty()) {
            return;
        }
        try {
            List<BatchStatementResponse> responses = send.apply(request.stream().map(ConversationRowStore.KeyedStatement::request).toList());
            for (int i = 0; i < responses.size(); i++) {
                owners.get(i).responses.add(responses.get(i));
            }
        } catch (RuntimeException e) {
            owners.forEach(owner -> owner.failure = e);
        } catch (Error e) {
            owners.forEach(owner -> owner.failure = new IllegalStateException("the thread sending these row writes died", e));
            throw e;
        }
    }
}
