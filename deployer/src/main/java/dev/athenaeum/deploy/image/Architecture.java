package dev.athenaeum.deploy.image;

/** The Lambda function's architecture, with the names the image and ONNX Runtime give it. */
public enum Architecture {
    X86_64("amd64", "linux-x64"),
    ARM64("arm64", "linux-aarch64");

    private final String imageArchitecture;
    private final String onnxPlatform;

    Architecture(String imageArchitecture, String onnxPlatform) {
        this.imageArchitecture = imageArchitecture;
        this.onnxPlatform = onnxPlatform;
    }

    /** As in an image's config: {@code amd64} or {@code arm64}. */
    public String imageArchitecture() {
        return imageArchitecture;
    }

    /** The folder of ONNX Runtime's jar holding this platform's native library. */
    String onnxPlatform() {
        return onnxPlatform;
    }
}
