package com.cruddur.messaging.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void oneCharacterIsEnough() {
        assertEquals("k", MessageText.require("k"));
    }

    @Test
    void exactly1024CharactersAreAllowed() {
        String text = "x".repeat(1024);
        assertEquals(text, MessageText.require(text));
    }

    @Test
    void charactersAreCodePointsSoEmojiCountOnce() {
        String emoji = "\uD83D\uDE00".repeat(1024);
        assertEquals(emoji, MessageText.require(emoji));
    }

    @Test
    void emptyTextIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> MessageText.require(""));
        assertTrue(error.getMessage().contains("empty"), error.getMessage());
    }

    @Test
    void missingTextIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> MessageText.require(null));
    }

    @Test
    void textOver1024CharactersIsRejectedNamingItsLength() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> MessageText.require("x".repeat(1025)));
        assertTrue(error.getMessage().contains("1025 characters; expected 1 to 1024"), error.getMessage());
    }
}
