package com.cruddur.messaging.users;

/** A call to Cruddur's users database failed; the message names the database ({@code host:port/db}) and never the password. */
public final class UsersDatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsersDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
