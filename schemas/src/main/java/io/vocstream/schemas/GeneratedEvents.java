package io.vocstream.schemas;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 loads a class named in a schema (an enum default being copied, a record being read) only if it is
 * trusted (CVE-2024-47561); the generated event classes are ours, so they are trusted here.
 */
public final class GeneratedEvents {
    private static final String GENERATED_PACKAGE = "io.vocstream.events.";

    static {
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                type -> type.getName().startsWith(GENERATED_PACKAGE)));
    }

    private GeneratedEvents() {
    }

    /** Makes sure the generated event classes are trusted (once per JVM). */
    public static void trust() {
        // the static initialiser did it
    }
}
