package dev.athenaeum.deploy.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.Objects;

/**
 * A generated CloudFormation template. It holds no secret: the OpenAI key is referenced by its secret's ARN, a
 * parameter.
 */
public record StackTemplate(JsonNode tree) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public StackTemplate {
        Objects.requireNonNull(tree, "tree");
        tree = tree.deepCopy();
    }

    /** The template as CloudFormation reads it (indented, so a dry run can print it). */
    public String json() {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a template tree always serializes", e);
        }
    }

    @Override
    public JsonNode tree() {
        return tree.deepCopy();
    }

    public boolean hasParameter(String name) {
        return tree.path("Parameters").has(name);
    }
}
