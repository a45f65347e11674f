package io.vocstream.registry;

/** A version path segment: a version number from 1, or "latest" (also spelled -1). */
record VersionId(int number) {
    private static final int LATEST = -1;

    static VersionId parse(String text) {
        if (text.trim().equalsIgnoreCase("latest")) {
            return new VersionId(LATEST);
        }
        try {
            int number = Integer.parseInt(text.trim());
            if (number > 0 || number == LATEST) {
                return new VersionId(number);
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like any other out-of-range version
        }
        throw RegistryException.invalidVersion(text);
    }

    boolean isLatest() {
        return number == LATEST;
    }

    @Override
    public String toString() {
        return isLatest() ? "latest" : String.valueOf(number);
    }
}
