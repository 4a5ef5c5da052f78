package dev.athenaeum.cli;

import dev.athenaeum.chat.AnswerListener;
import dev.athenaeum.chat.ChatAnswer;
import dev.athenaeum.chat.ChatSource;

import java.io.PrintWriter;

/** Prints an answer as it streams, then the sources it was written from, marking the ones it cites. */
final class AnswerPrinter implements AnswerListener {

    private final PrintWriter out;
    private boolean printed;

    AnswerPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onText(String piece) {
        out.print(piece);
        // A person is reading along; text sitting in a buffer would look like a hung model.
        out.flush();
        printed = true;
    }

    /** Ends the streamed text and lists the sources; a retrieval-only answer already lists them in its text. */
    void finish(ChatAnswer answer) {
        out.println();
        if (answer.generated() && !answer.sources().isEmpty()) {
            out.println();
            out.println(answer.cited().isEmpty() ? "Sources (the answer cites none of them):" : "Sources (* cited):");
            for (ChatSource s : answer.sources()) {
                out.println((answer.cited().contains(s) ? "* " : "  ") + "[" + s.number() + "] " + s.location());
            }
        }
        out.flush();
    }

    /** Ends a line the answer left open, so an error or a prompt starts on a line of its own. */
    void breakLine() {
        if (printed) {
            out.println();
            out.flush();
        }
        printed = false;
    }
}
