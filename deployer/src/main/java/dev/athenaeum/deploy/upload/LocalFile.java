package dev.athenaeum.deploy.upload;

import java.nio.file.Path;

/**
 * One file of the local index as S3 will hold it.
 *
 * @param s3Checksum the SHA-256 checksum S3 reports for the object: base64 of the digest when sent whole, or
 *                   base64 of the digest of the parts' digests and {@code -N} when sent in N parts
 */
record LocalFile(String relative, Path path, String sha256, long bytes, int parts, String s3Checksum) {
}
