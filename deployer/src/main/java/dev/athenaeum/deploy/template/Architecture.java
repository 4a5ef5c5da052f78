package dev.athenaeum.deploy.template;

import java.util.Locale;

/**
 * The processor the function runs on; the image must be built for the same one. Named as Lambda, image configs
 * and ONNX Runtime's jar name it.
 */
public enum Architecture {
    X86_64("x86_64", "amd64", "linux-x64"), ARM64("arm64", "arm64", "linux-aarch64");

    private final String lambdaName;
    private final String imagePlatform;
    private final String onnxPlatform;

    Architecture(String lambdaName, String imagePlatform, String onnxPlatform) {
        this.lambdaName = lambdaName;
        this.imagePlatform = imagePlatform;
        this.onnxPlatform = onnxPlatform;
    }

    /** The name in the function's {@code Architectures} property. */
    public String lambdaName() {
        return lambdaName;
    }

    /** The OCI platform architecture of the matching image. */
    public String imagePlatform() {
        return imagePlatform;
    }

    /** The folder of ONNX Runtime's jar holding this platform's native library. */
    public String onnxPlatform() {
        return onnxPlatform;
    }

    public static Architecture parse(String s) {
        String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        for (Architecture a : values()) {
            if (a.lambdaName.equals(v) || a.imagePlatform.equals(v)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + s + "': use x86_64 or arm64");
    }
}
