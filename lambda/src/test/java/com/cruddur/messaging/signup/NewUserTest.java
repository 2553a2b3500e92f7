package com.cruddur.messaging.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The users row of a sign-up, from Cognito's user attributes (no database). */
class NewUserTest {

    private static final Map<String, String> COMPLETE = Map.of(
            "sub", "sub-1", "name", " Yaya ", "preferred_username", "yaya2devops", "email", "yaya@example.com",
            "email_verified", "true");

    @Test
    void mapsSubNamePreferredUsernameAndEmail() {
        assertEquals(new NewUser("sub-1", "Yaya", "yaya2devops", "yaya@example.com"), NewUser.from(COMPLETE));
    }

    @Test
    void aCompleteSignUpMissesNothing() {
        assertEquals(List.of(), NewUser.missingAttributes(COMPLETE));
    }

    @Test
    void absentAndBlankAttributesAreNamedInOrder() {
        Map<String, String> attributes = Map.of("sub", "sub-1", "name", "  ");

        assertEquals(List.of("name", "preferred_username", "email"), NewUser.missingAttributes(attributes));
    }
}
