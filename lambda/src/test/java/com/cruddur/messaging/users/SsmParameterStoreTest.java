package com.cruddur.messaging.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.cruddur.messaging.support.StubSsm;

import org.junit.jupiter.api.Test;

/** One GetParameter with decryption, signed as SSM expects, without the SDK's SSM module. */
class SsmParameterStoreTest {

    private final StubSsm ssm = new StubSsm(Map.of("/cruddur/dev/backend-flask/CONNECTION_URL", "postgresql://u:p@db:5432/cruddur"));

    @Test
    void theDecryptedValueIsReadWithOneSignedRequestForSsmInTheRegion() {
        assertEquals("postgresql://u:p@db:5432/cruddur", ssm.client().secureString("/cruddur/dev/backend-flask/CONNECTION_URL"));

        assertEquals("{\"Name\":\"/cruddur/dev/backend-flask/CONNECTION_URL\",\"WithDecryption\":true}", ssm.requests().get(0));
        assertTrue(ssm.authorizations().get(0).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"), ssm.authorizations().get(0));
        assertTrue(ssm.authorizations().get(0).contains("/us-east-1/ssm/aws4_request"), ssm.authorizations().get(0));
    }

    @Test
    void ssmsErrorIsNamedWithTheParameter() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> ssm.client().secureString("/cruddur/none"));

        assertEquals("SSM GetParameter /cruddur/none failed: HTTP 400 ParameterNotFound: no such parameter", error.getMessage());
    }

    @Test
    void aNameIsSentAsAJsonString() {
        assertThrows(IllegalStateException.class, () -> ssm.client().secureString("a\"b\\c"));

        assertEquals("{\"Name\":\"a\\\"b\\\\c\",\"WithDecryption\":true}", ssm.requests().get(0));
    }
}
