package dev.athenaeum.cli;

import dev.athenaeum.chat.ChatAnswer;
import dev.athenaeum.chat.ChatException;
import dev.athenaeum.chat.ChatTurn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Questions read line by line, answered within one conversation so follow-ups work. {@code /new} starts over,
 * {@code /exit} or the end of input quits. A failed question is reported and the conversation goes on.
 */
final class InteractiveChat {

    /** Answers one conversation whose last turn is the new question. */
    interface Asker {
        ChatAnswer ask(List<ChatTurn> conversation);
    }

    private final BufferedReader in;
    private final PrintWriter err;
    private final boolean prompt;
    private final boolean verbose;

    InteractiveChat(BufferedReader in, PrintWriter err, boolean prompt, boolean verbose) {
        this.in = in;
        this.err = err;
        this.prompt = prompt;
        this.verbose = verbose;
    }

    /** Runs until the user quits; returns 0, or 1 when any question failed. */
    int run(String model, Asker asker) throws IOException {
        if (prompt) {
            err.println("Answering with " + model + ". Ask a question; /new starts over, /exit quits.");
        }
        List<ChatTurn> conversation = new ArrayList<>();
        boolean failed = false;
        while (true) {
            if (prompt) {
                err.print("> ");
                err.flush();
            }
            String line = in.readLine();
            if (line == null || line.strip().equals("/exit") || line.strip().equals("/quit")) {
                return failed ? ErrorHandlers.FAILURE : 0;
            }
            String q = line.strip();
            if (q.isEmpty()) {
                continue;
            }
            if (q.equals("/new")) {
                conversation.clear();
                err.println("(new conversation)");
                err.flush();
                continue;
            }
            if (q.startsWith("/")) {
                err.println("athenaeum: unknown command " + q + ": use /new or /exit");
                err.flush();
                continue;
            }
            conversation.add(ChatTurn.user(q));
            try {
                ChatAnswer answer = asker.ask(List.copyOf(conversation));
                // Only written answers are conversation; the retrieval-only notice would just repeat itself.
                if (answer.generated()) {
                    conversation.add(ChatTurn.assistant(answer.text()));
                }
            } catch (ChatException e) {
                failed = true;
                conversation.remove(conversation.size() - 1);
                err.println("athenaeum: " + Errors.message(e));
                if (verbose) {
                    e.printStackTrace(err);
                }
                err.flush();
            }
        }
    }
}
