package dev.athenaeum.deploy.image;

import dev.athenaeum.deploy.DeploymentException;
import dev.athenaeum.deploy.DeploymentListener;
import dev.athenaeum.deploy.DeploymentStep;
import dev.athenaeum.deploy.ImagePublisher;
import dev.athenaeum.deploy.account.AwsErrors;
import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.deploy.template.Architecture;
import dev.athenaeum.deploy.template.ImageUri;
import dev.athenaeum.progress.Cancellation;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The server image built on this machine with Jib and pushed into the stack's ECR repository, logged in with
 * GetAuthorizationToken. The tag is only for people browsing the repository; the function is given the digest.
 */
public final class EcrImagePublisher implements ImagePublisher {

    /** Enough to roll back a few releases; ECR expires older images by itself. */
    static final int KEEP_IMAGES = 10;
    private static final DateTimeFormatter TAG = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final AwsSession session;
    private final ImageSource source;
    private final Clock clock;

    public EcrImagePublisher(AwsSession session, ImageSource source) {
        this(session, source, Clock.systemUTC());
    }

    EcrImagePublisher(AwsSession session, ImageSource source, Clock clock) {
        this.session = session;
        this.source = source;
        this.clock = clock;
    }

    @Override
    public ImageUri publish(String repository, Architecture architecture, DeploymentListener listener,
                            Cancellation cancel) {
        try (EcrClient ecr = session.ecr()) {
            EcrRegistry registry = new EcrRegistry(ecr);
            listener.onStep("ECR repository " + repository);
            EcrRegistry.EcrRepository repo = registry.ensureRepository(repository, KEEP_IMAGES);
            RegistryCredentials login = registry.credentials();
            String target = source.pushTarget(repo) + ":" + TAG.format(clock.instant());
            ImageSettings settings = ImageSettings.builder(target).baseImage(source.baseImage())
                    .architecture(architecture).targetCredentials(login)
                    .allowInsecure(ImageSource.isLoopback(target)).build();
            listener.onStep("building the " + architecture.lambdaName() + " image on " + source.baseImage());
            ImageResult result = new ServerImageBuilder().build(source.server(), settings,
                    p -> listener.onProgress(DeploymentStep.IMAGE, p.fraction(), p.step()), cancel);
            return new ImageUri(result.reference());
        } catch (ImageException e) {
            throw new DeploymentException(e.getMessage());
        } catch (IOException e) {
            throw new DeploymentException("cannot build the server image: " + e.getMessage());
        } catch (AbortedException e) {
            throw e;
        } catch (SdkException e) {
            throw new DeploymentException(AwsErrors.explain(e, "prepare the image repository " + repository,
                    "ecr:CreateRepository, ecr:DescribeRepositories, ecr:PutLifecyclePolicy and ecr:GetAuthorizationToken"));
        }
    }

    @Override
    public boolean delete(String repository) {
        try (EcrClient ecr = session.ecr()) {
            return new EcrRegistry(ecr).deleteRepository(repository);
        } catch (AbortedException e) {
            throw e;
        } catch (SdkException e) {
            throw new DeploymentException(AwsErrors.explain(e, "delete the image repository " + repository,
                    "ecr:DeleteRepository"));
        }
    }
}
