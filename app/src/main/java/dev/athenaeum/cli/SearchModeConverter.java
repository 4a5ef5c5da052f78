package dev.athenaeum.cli;

import dev.athenaeum.search.SearchMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reuses the engine's parsing so the CLI accepts and explains exactly what the engine does. */
final class SearchModeConverter implements ITypeConverter<SearchMode> {

    @Override
    public SearchMode convert(String value) {
        try {
            return SearchMode.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
