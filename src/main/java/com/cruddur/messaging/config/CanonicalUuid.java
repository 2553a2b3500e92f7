package com.cruddur.messaging.config;

/**
 * A lowercase canonical UUID, as Cruddur's users and conversations are named (backend-flask writes {@code uuid4()}
 * strings) and as lambda/'s {@code contract.Keys} requires them: a seed uuid this app accepts must be one the seed
 * loader accepts. Both hold to the shared examples in {@code src/test/resources/contract/uuids.json}.
 */
final class CanonicalUuid {

    static final String REGEX = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private CanonicalUuid() {
    }
}
