package com.cruddur.messaging.contract;

import java.util.Objects;

/**
 * A Cruddur user as messages and conversation rows describe them.
 *
 * @param uuid         lowercase canonical UUID (the Postgres users.uuid)
 * @param displayName  shown name
 * @param handle       the @handle, without the @
 */
public record User(String uuid, String displayName, String handle) {

    public User {
        Keys.requireUuid("user_uuid", uuid);
        Objects.requireNonNull(displayName, "user_display_name");
        Objects.requireNonNull(handle, "user_handle");
    }
}
