package io.jets.deploy.stack;

/** {@code [######----] 6/10}: how many of the stack's resources are done. */
public final class ProgressBar {

    private static final int WIDTH = 20;

    private ProgressBar() {
    }

    public static String render(int done, int total) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total;
    }
}
