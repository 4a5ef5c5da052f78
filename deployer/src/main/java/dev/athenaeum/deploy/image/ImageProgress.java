package dev.athenaeum.deploy.image;

/**
 * How far an image build and push is.
 *
 * @param fraction    of the whole build, 0 to 1
 * @param step        what Jib is doing now, e.g. "pushing blob sha256:…"
 * @param bytesPushed layer bytes sent to the registry so far
 * @param layersDone  layers the registry holds now (sent, or already there)
 */
public record ImageProgress(double fraction, String step, long bytesPushed, int layersDone) {
}
