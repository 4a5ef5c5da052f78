# The server as an AWS Lambda container image (also runs anywhere else: see the last lines).
#   docker build -t athenaeum-server .                                  # x86_64
#   docker build --build-arg ARCH=aarch64 --platform linux/arm64 -t athenaeum-server .
# The deployer builds the same image without Docker (Jib); this file is for pipelines that prefer Docker.

FROM eclipse-temurin:25-jdk AS build
ARG ARCH=x64
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl server -am install -DskipTests \
 && ./mvnw -B -q -pl server dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/out/lib \
 && cp server/target/athenaeum-server-*.jar /out/lib/
# ONNX Runtime ships native libraries for every platform in one jar. This image's are unpacked once here, where
# ONNX Runtime is told to load them from (it would otherwise unpack them into /tmp on every cold start), and the jar
# keeps none.
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends zip unzip >/dev/null \
 && cd /out/lib && unzip -q -j onnxruntime-*.jar "ai/onnxruntime/native/linux-$ARCH/*" -d /out/natives \
 && for p in win-x64 win-aarch64 osx-x64 osx-aarch64 linux-x64 linux-aarch64; do \
      zip -q -d onnxruntime-*.jar "ai/onnxruntime/native/$p/*" || true; done
# A runtime with only the modules the server uses (jdeps --print-module-deps).
RUN jlink --add-modules java.base,java.compiler,java.desktop,java.management,java.naming,java.net.http,java.security.jgss,java.sql,jdk.incubator.vector,jdk.unsupported \
      --strip-debug --no-man-pages --no-header-files --compress=zip-6 --output /out/jre

# Lambda's base for custom runtimes: Amazon Linux 2023 with glibc and libstdc++ (ONNX Runtime needs both).
FROM public.ecr.aws/lambda/provided:al2023
COPY --from=build /out/jre /opt/athenaeum/jre
COPY --from=build /out/lib /opt/athenaeum/lib
COPY --from=build /out/natives /opt/athenaeum/natives
# The index is downloaded into /tmp on a cold start; the model is read from the classpath.
ENV ATHENAEUM_INDEX_DIR=/tmp/athenaeum/index \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xshare:auto --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Donnxruntime.native.path=/opt/athenaeum/natives"
ENTRYPOINT ["/opt/athenaeum/jre/bin/java", "-cp", "/opt/athenaeum/lib/*", "dev.athenaeum.server.lambda.LambdaMain"]
