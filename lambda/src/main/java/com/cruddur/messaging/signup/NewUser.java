package com.cruddur.messaging.signup;

import java.util.List;
import java.util.Map;

/**
 * The public.users row a confirmed sign-up becomes, from the user attributes Cognito sends the post-confirmation
 * trigger. The pool requires {@code name} and {@code preferred_username} and uses the email as username, so all
 * four are there for a sign-up through the Cruddur frontend; a user created another way (the console, an admin
 * API call) may lack some, which {@link #missingAttributes} names.
 *
 * @param cognitoUserId the user's {@code sub}
 * @param displayName   {@code name}
 * @param handle        {@code preferred_username}
 * @param email         {@code email}
 */
record NewUser(String cognitoUserId, String displayName, String handle, String email) {

    /** The Cognito attributes a row needs, in the order missing ones are named. */
    static final List<String> REQUIRED_ATTRIBUTES = List.of("sub", "name", "preferred_username", "email");

    /** The required attributes that are absent or blank; empty when {@link #from} can build the row. */
    static List<String> missingAttributes(Map<String, String> attributes) {
        return REQUIRED_ATTRIBUTES.stream().filter(name -> isBlank(attributes.get(name))).toList();
    }

    /** The row of a sign-up whose {@link #missingAttributes} are none. */
    static NewUser from(Map<String, String> attributes) {
        List<String> missing = missingAttributes(attributes);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the sign-up lacks the attributes " + missing);
        }
        return new NewUser(attributes.get("sub"), attributes.get("name").strip(), attributes.get("preferred_username").strip(),
                attributes.get("email").strip());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
