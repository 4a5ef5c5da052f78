package dev.athenaeum.deploy.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * S3's SHA-256 checksums, computed locally in one pass over a file: the whole file's digest (which names its
 * object) and the checksum S3 itself computes from the bytes it received, so that what S3 reports can be compared.
 */
final class S3Checksums {

    private S3Checksums() {
    }

    static LocalFile of(String relative, Path file, UploadOptions options) throws IOException {
        long size = Files.size(file);
        boolean multipart = size > options.multipartThreshold();
        MessageDigest whole = sha256();
        MessageDigest part = sha256();
        MessageDigest ofParts = sha256();
        int parts = 0;
        long inPart = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf, 0, (int) Math.min(buf.length, multipart ? options.partBytes() - inPart : buf.length))) > 0; ) {
                whole.update(buf, 0, n);
                if (multipart) {
                    part.update(buf, 0, n);
                    inPart += n;
                    if (inPart == options.partBytes()) {
                        ofParts.update(part.digest());
                        parts++;
                        inPart = 0;
                    }
                }
            }
        }
        if (multipart && inPart > 0) {
            ofParts.update(part.digest());
            parts++;
        }
        byte[] digest = whole.digest();
        String s3 = multipart ? base64(ofParts.digest()) + "-" + parts : base64(digest);
        return new LocalFile(relative, file, HexFormat.of().formatHex(digest), size, multipart ? parts : 1, s3);
    }

    /** Whether S3's reported checksum is the expected one; S3 may omit the part count of a composite checksum. */
    static boolean matches(LocalFile expected, String reported) {
        if (reported == null || reported.isEmpty()) {
            return false;
        }
        if (reported.equals(expected.s3Checksum())) {
            return true;
        }
        int dash = expected.s3Checksum().indexOf('-');
        return dash > 0 && reported.equals(expected.s3Checksum().substring(0, dash));
    }

    static String base64(byte[] digest) {
        return Base64.getEncoder().encodeToString(digest);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
