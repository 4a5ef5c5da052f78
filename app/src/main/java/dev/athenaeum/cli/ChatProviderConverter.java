package dev.athenaeum.cli;

import dev.athenaeum.chat.ChatProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reuses the engine's parsing so the CLI accepts and explains exactly what the engine does. */
final class ChatProviderConverter implements ITypeConverter<ChatProvider> {

    @Override
    public ChatProvider convert(String value) {
        try {
            return ChatProvider.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
