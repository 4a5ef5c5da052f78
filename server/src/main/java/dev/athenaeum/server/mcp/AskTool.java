package dev.athenaeum.server.mcp;

import dev.athenaeum.chat.AnswerListener;
import dev.athenaeum.chat.ChatAnswer;
import dev.athenaeum.chat.ChatException;
import dev.athenaeum.chat.ChatSource;
import dev.athenaeum.chat.ChatTurn;
import dev.athenaeum.chat.KnowledgeChat;
import dev.athenaeum.progress.Cancellation;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ask} tool: an answer written from the knowledge base with its sources. Without a configured model the
 * answer is the retrieved passages, and says so.
 */
final class AskTool {

    static final String NAME = "ask";

    private AskTool() {
    }

    static SyncToolSpecification spec(KnowledgeChat chat) {
        Tool tool = Tool.builder()
                .name(NAME)
                .title("Ask the knowledge base")
                .description("Answers a question from the knowledge base only, citing its sources as [n]; the "
                        + "sources follow the answer with file, heading path and line range.")
                .inputSchema(Map.of("type", "object",
                        "properties", Map.of("question", Map.of("type", "string",
                                "description", "The question, stated on its own (no earlier context is kept).")),
                        "required", List.of("question")))
                .annotations(new ToolAnnotations(null, true, false, false, true, null))
                .build();
        return SyncToolSpecification.builder().tool(tool)
                .callHandler((context, call) -> call(chat, new ToolArguments(call.arguments())))
                .build();
    }

    static CallToolResult call(KnowledgeChat chat, ToolArguments args) {
        try {
            String question = args.requiredString("question");
            ChatAnswer answer = chat.answer(List.of(ChatTurn.user(question)), AnswerListener.NONE, Cancellation.none());
            return CallToolResult.builder()
                    .addTextContent(answer.text().strip() + sources(answer.sources()))
                    .structuredContent(structured(answer))
                    .build();
        } catch (IllegalArgumentException | ChatException e) {
            return CallToolResult.builder().isError(true).addTextContent(e.getMessage()).build();
        }
    }

    private static String sources(List<ChatSource> sources) {
        if (sources.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n\nSources:");
        for (ChatSource s : sources) {
            sb.append("\n[").append(s.number()).append("] ").append(s.location());
        }
        return sb.toString();
    }

    private static Map<String, Object> structured(ChatAnswer answer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("answer", answer.text());
        out.put("model", answer.model());
        out.put("generated", answer.generated());
        out.put("sources", answer.sources().stream().map(s -> Map.of(
                "number", s.number(), "file", s.hit().file(), "headings", s.hit().headings(),
                "startLine", s.hit().startLine(), "endLine", s.hit().endLine(),
                "cited", answer.cited().contains(s))).toList());
        return out;
    }
}
