package io.vocstream.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Utf8OrderTest {
    @Test
    @DisplayName("keys compare as their UTF-8 bytes do, for any characters")
    void utf8Order() {
        Random random = new Random(7);
        char[] alphabet = {'a', 'z', '\u00e9', '\u4e2d', '\uFFFD', '\uE000', '\uD83D', '\uDE00'};
        for (int i = 0; i < 10_000; i++) {
            String a = randomString(random, alphabet);
            String b = randomString(random, alphabet);
            int byBytes = Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8));
            assertEquals(Integer.signum(byBytes), Integer.signum(Utf8Order.compare(a, b)), a + " vs " + b);
        }
    }

    /** Characters, with surrogates only as whole pairs (what a key's UTF-8 can hold). */
    private static String randomString(Random random, char[] alphabet) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(4);
        while (s.length() < length) {
            char c = alphabet[random.nextInt(alphabet.length)];
            if (Character.isSurrogate(c)) {
                s.append('\uD83D').append('\uDE00');
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
