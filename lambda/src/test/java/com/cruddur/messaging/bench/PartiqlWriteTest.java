package com.cruddur.messaging.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The PartiQL write shapes the capacity meter bills, read with their positional parameters. */
class PartiqlWriteTest {

    @Test
    void anInsertIsTheItemItsValueNames() {
        PartiqlWrite insert = PartiqlWrite.parse("INSERT INTO \"cruddur-messages\" VALUE {'pk': ?, 'sk': ?, 'message': ?}",
                List.of(s("GRP#a"), s("2026"), s("hi"))).orElseThrow();

        assertEquals(PartiqlWrite.Kind.INSERT, insert.kind());
        assertEquals("cruddur-messages", insert.table());
        assertEquals(Map.of("pk", s("GRP#a"), "sk", s("2026"), "message", s("hi")), insert.values());
        assertEquals(Map.of("pk", s("GRP#a"), "sk", s("2026")), insert.key("pk", "sk"));
    }

    @Test
    void anUpdateSetsItsAttributesWhereItsConditionsHold() {
        PartiqlWrite update = PartiqlWrite.parse("UPDATE \"t\" SET message = ? WHERE pk = ? AND sk = ? AND message_group_uuid = ?",
                List.of(s("edited"), s("GRP#a"), s("2026"), s("g"))).orElseThrow();

        assertEquals(PartiqlWrite.Kind.UPDATE, update.kind());
        assertEquals(Map.of("message", s("edited")), update.values());
        assertEquals(Map.of("pk", s("GRP#a"), "sk", s("2026"), "message_group_uuid", s("g")), update.where());
    }

    @Test
    void aDeleteIsReadWithOrWithoutReturning() {
        PartiqlWrite delete = PartiqlWrite.parse("DELETE FROM \"t\" WHERE pk = ? AND sk = ? AND message_group_uuid = ? RETURNING ALL OLD *",
                List.of(s("GRP#a"), s("2026"), s("g"))).orElseThrow();

        assertEquals(PartiqlWrite.Kind.DELETE, delete.kind());
        assertEquals(Map.of("pk", s("GRP#a"), "sk", s("2026")), delete.key("pk", "sk"));
        assertTrue(PartiqlWrite.parse("DELETE FROM \"t\" WHERE pk = ? AND sk = ?", List.of(s("GRP#a"), s("2026"))).isPresent());
    }

    @Test
    void anythingElseIsNotGuessed() {
        assertTrue(PartiqlWrite.parse("SELECT * FROM \"t\" WHERE pk = ?", List.of(s("GRP#a"))).isEmpty());
        assertTrue(PartiqlWrite.parse("UPDATE \"t\" SET n = n + 1 WHERE pk = ? AND sk = ?", List.of(s("a"), s("b"))).isEmpty());
        assertTrue(PartiqlWrite.parse("DELETE FROM \"t\" WHERE pk = ? AND sk = ?", List.of(s("GRP#a"))).isEmpty(), "a parameter short");
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
