package dev.athenaeum.deploy.cost;

import dev.athenaeum.deploy.template.Architecture;
import dev.athenaeum.deploy.template.DeploymentSettings;
import dev.athenaeum.deploy.template.FrontDoor;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values worked out by hand from the prices in {@link PriceList}. */
class CostEstimatorTest {

    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;

    @Test
    void aMillionHalfSecondRequestsOnX86BehindTheHttpApi() {
        // 1e6 requests × 0.5 s × 2 GB = 1,000,000 GB-s; 0.5 GB of extra storage × 500,000 s = 250,000 GB-s.
        CostEstimate e = CostEstimator.estimate(new CostInputs(1_000_000, 500, 2048, 1024, Architecture.X86_64,
                FrontDoor.HTTP_API, 2 * GIB, 300 * MIB, true));
        assertThat(e.lines()).extracting(CostLine::item).containsExactly("Lambda requests", "Lambda compute (x86_64)",
                "Lambda storage above 512 MB", "API Gateway HTTP API", "S3 index storage",
                "Secrets Manager (OpenAI key)", "ECR image storage");
        assertThat(e.lines()).extracting(CostLine::monthly).usingElementComparator(BigDecimal::compareTo).containsExactly(
                new BigDecimal("0.20"),          // 1 million × $0.20
                new BigDecimal("16.6667"),       // 1,000,000 GB-s × $0.0000166667
                new BigDecimal("0.007725"),      // 250,000 GB-s × $0.0000000309
                new BigDecimal("1.00"),          // 1 million × $1.00
                new BigDecimal("0.046"),         // 2 GB × $0.023
                new BigDecimal("0.40"),          // one secret
                new BigDecimal("0.029296875"));  // 300/1024 GB × $0.10
        assertThat(e.total()).isEqualByComparingTo("18.349721875");
        assertThat(e.describe()).contains("us-east-1 list prices of 2025-06-01, no free tier")
                .contains("total about $18.35 a month").contains("1,000,000 GB-seconds");
    }

    @Test
    void armIsCheaperAndAFunctionUrlHasNoRequestFee() {
        // 200,000 requests × 2 s × 1 GB = 400,000 GB-s × $0.0000133334 = $5.33336; requests 0.2 million × $0.20.
        CostEstimate e = CostEstimator.estimate(new CostInputs(200_000, 2000, 1024, 512, Architecture.ARM64,
                FrontDoor.FUNCTION_URL, 0, 0, false));
        assertThat(e.lines()).extracting(CostLine::item).doesNotContain("API Gateway HTTP API",
                "Lambda storage above 512 MB", "Secrets Manager (OpenAI key)");
        assertThat(e.total()).isEqualByComparingTo("5.37336");
        assertThat(e.notes()).anySatisfy(n -> assertThat(n).contains("Function URL costs nothing"));
    }

    @Test
    void noTrafficCostsOnlyStorage() {
        CostEstimate e = CostEstimator.estimate(new CostInputs(0, 100, 128, 512, Architecture.X86_64,
                FrontDoor.BOTH, 10 * GIB, GIB, true));
        // 10 GB × $0.023 + $0.40 + 1 GB × $0.10
        assertThat(e.total()).isEqualByComparingTo("0.73");
    }

    @Test
    void theSettingsSupplyMemoryArchitectureAndFrontDoor() {
        DeploymentSettings s = DeploymentSettings.builder().name("notes").memoryMb(3008).architecture(Architecture.ARM64)
                .frontDoor(FrontDoor.FUNCTION_URL).timeoutSeconds(300).imageUri("r.example.com/a@sha256:" + "0".repeat(64))
                .build();
        CostInputs in = CostInputs.of(s, 10, 100, 0, 0);
        assertThat(in).isEqualTo(new CostInputs(10, 100, 3008, 1024, Architecture.ARM64, FrontDoor.FUNCTION_URL, 0, 0, false));
        assertThatThrownBy(() -> CostInputs.of(s, -1, 100, 0, 0)).hasMessage("monthly requests cannot be negative: -1");
    }
}
