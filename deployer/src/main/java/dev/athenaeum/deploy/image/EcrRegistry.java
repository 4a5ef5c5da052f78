package dev.athenaeum.deploy.image;

import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The ECR side of an image: its repository (created once, scanned on push, old images expired) and a login. */
public final class EcrRegistry {

    private final EcrClient ecr;

    public EcrRegistry(EcrClient ecr) {
        this.ecr = ecr;
    }

    /** Where the images of one repository go: {@code ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME}. */
    public record EcrRepository(String name, String uri) {
    }

    /**
     * Creates the repository unless it exists, and (again) sets its lifecycle policy to keep the newest
     * {@code keepImages} images. Idempotent.
     */
    public EcrRepository ensureRepository(String name, int keepImages) {
        if (keepImages < 1 || keepImages > 1000) {
            throw new IllegalArgumentException("keep between 1 and 1000 images, not " + keepImages);
        }
        Repository repo;
        try {
            repo = ecr.createRepository(r -> r.repositoryName(name).imageTagMutability(ImageTagMutability.MUTABLE)
                    .imageScanningConfiguration(s -> s.scanOnPush(true))).repository();
        } catch (RepositoryAlreadyExistsException e) {
            repo = ecr.describeRepositories(r -> r.repositoryNames(name)).repositories().getFirst();
        }
        ecr.putLifecyclePolicy(r -> r.repositoryName(name).lifecyclePolicyText(lifecyclePolicy(keepImages)));
        return new EcrRepository(repo.repositoryName(), repo.repositoryUri());
    }

    static String lifecyclePolicy(int keepImages) {
        return """
                {"rules": [{"rulePriority": 1, "description": "keep the newest %d images",
                  "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": %d},
                  "action": {"type": "expire"}}]}""".formatted(keepImages, keepImages);
    }

    /** A login for pushing, from GetAuthorizationToken (base64 of {@code user:password}, valid 12 hours). */
    public RegistryCredentials credentials() {
        AuthorizationData data = ecr.getAuthorizationToken(r -> { }).authorizationData().getFirst();
        String decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new IllegalStateException("ECR returned an authorization token that is not user:password");
        }
        return new RegistryCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** Deletes every image of the repository and the repository; false when there was none. */
    public boolean deleteRepository(String name) {
        try {
            ecr.deleteRepository(r -> r.repositoryName(name).force(true));
            return true;
        } catch (RepositoryNotFoundException e) {
            return false;
        }
    }

    /** Deletes the repository's images, keeping the repository; returns how many were deleted. */
    public int deleteImages(String name) {
        int deleted = 0;
        for (var page : ecr.listImagesPaginator(r -> r.repositoryName(name))) {
            List<ImageIdentifier> ids = page.imageIds();
            if (!ids.isEmpty()) {
                deleted += ecr.batchDeleteImage(r -> r.repositoryName(name).imageIds(ids)).imageIds().size();
            }
        }
        return deleted;
    }
}
