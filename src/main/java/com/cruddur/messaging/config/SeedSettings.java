package com.cruddur.messaging.config;

import java.util.Optional;

/**
 * The sample conversation a stage with {@code seedData} loads at deploy time.
 *
 * @param messageGroupUuid  the conversation's id (default the reference's {@value #DEFAULT_GROUP})
 * @param firstUser         who speaks first (default the reference's yaya2devops)
 * @param secondUser        who answers (default the reference's bayko)
 */
public record SeedSettings(String messageGroupUuid, SeedUser firstUser, SeedUser secondUser) {

    public static final String DEFAULT_GROUP = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";
    public static final SeedUser DEFAULT_FIRST = SeedUser.explicit("8e4f1b2a-7c3d-4e5f-9a6b-1c2d3e4f5a6b", "Yaya", "yaya2devops");
    public static final SeedUser DEFAULT_SECOND = SeedUser.explicit("9f5a2c3b-8d4e-4f6a-8b7c-2d3e4f5a6b7c", "Andrew Bayko", "bayko");

    /**
     * A seeded user as conversation rows and messages describe them: given in full, or by handle alone, when the seed
     * looks up its uuid and display name in Postgres public.users at deploy time, as the reference seed script does.
     */
    public record SeedUser(Optional<String> uuid, Optional<String> displayName, String handle) {

        public static SeedUser explicit(String uuid, String displayName, String handle) {
            return new SeedUser(Optional.of(uuid), Optional.of(displayName), handle);
        }

        public static SeedUser byHandle(String handle) {
            return new SeedUser(Optional.empty(), Optional.empty(), handle);
        }

        public boolean isByHandle() {
            return uuid.isEmpty();
        }
    }

    /** Whether the seed must read Postgres (a user given by handle alone). */
    public boolean readsUsersFromPostgres() {
        return firstUser.isByHandle() || secondUser.isByHandle();
    }
}
