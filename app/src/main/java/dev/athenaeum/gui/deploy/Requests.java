package dev.athenaeum.gui.deploy;

import dev.athenaeum.chat.ChatProvider;
import dev.athenaeum.deploy.DeploymentRequest;
import dev.athenaeum.deploy.stack.SecretValue;
import dev.athenaeum.deploy.template.Architecture;
import dev.athenaeum.deploy.template.DeploymentSettings;
import dev.athenaeum.deploy.template.Environment;
import dev.athenaeum.deploy.template.FrontDoor;
import dev.athenaeum.deploy.template.JwtAuth;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The wizard's choices as a deployment request, each wrong value refused with one line (as the command line does). */
final class Requests {

    private Requests() {
    }

    static DeploymentRequest of(String name, String environment, WizardChoices c, Path index,
                                Optional<String> openAiKey) {
        ChatProvider provider = ChatProvider.parse(c.provider());
        Optional<SecretValue> key = Optional.empty();
        if (provider == ChatProvider.OPENAI) {
            key = Optional.of(new SecretValue(openAiKey.orElseThrow(() -> new IllegalArgumentException(
                    "the openai provider needs an OpenAI key: add one in the Chat tab's settings or set OPENAI_API_KEY"))));
        }
        DeploymentSettings.Builder b = DeploymentSettings.builder()
                .name(name).environment(Environment.parse(environment)).memoryMb(c.memoryMb())
                .timeoutSeconds(c.timeoutSeconds()).architecture(Architecture.parse(c.architecture()))
                .frontDoor(FrontDoor.parse(c.frontDoor())).jwt(jwt(c)).chatProvider(provider)
                .chatModel(c.chatModel()).chatBaseUrl(c.ollamaUrl()).openAiKeySecret(provider == ChatProvider.OPENAI);
        if (!c.imageUri().isEmpty()) {
            b.imageUri(c.imageUri());
        }
        if (c.monthlyRequests() < 0) {
            throw new IllegalArgumentException("the expected requests a month cannot be negative");
        }
        return new DeploymentRequest(b.build(), index, key, c.monthlyRequests());
    }

    private static JwtAuth jwt(WizardChoices c) {
        return switch (c.auth().toLowerCase(Locale.ROOT)) {
            case "none" -> null;
            case "jwt" -> JwtAuth.of(c.jwtIssuer(), c.jwtAudience(), c.jwksUrl());
            default -> throw new IllegalArgumentException("unknown authentication '" + c.auth() + "': use none or jwt");
        };
    }

    /** A stack name made from a knowledge base's name: lower case, hyphens, at most 30 characters. */
    static String stackNameFor(String knowledgeBase) {
        String s = knowledgeBase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 30) {
            s = s.substring(0, 30).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "kb" : s;
    }
}
