package com.cruddur.messaging.stream;

import java.util.List;

/**
 * A member's row could not move because the key it would move to holds that member's row of another
 * conversation: both conversations end on the same instant, and {@code GRP#member} + {@code sk} can hold only
 * one of them. No retry can change that, so it is reported as its own event and the other changes go ahead.
 */
public final class RowKeyCollision extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The member partition and key that collided, and the conversation whose row holds it. */
    public record Collision(String memberPartition, String sk, String otherGroupUuid) {
    }

    private final transient List<Collision> collisions;

    RowKeyCollision(List<Collision> collisions) {
        super("row keys taken by other conversations: " + collisions);
        this.collisions = List.copyOf(collisions);
    }

    public List<Collision> collisions() {
        return collisions;
    }
}
