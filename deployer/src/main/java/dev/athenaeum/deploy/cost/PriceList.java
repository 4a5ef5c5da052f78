package dev.athenaeum.deploy.cost;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The public list prices the estimate uses: US East (N. Virginia), in US dollars, without free tier, taken from
 * the AWS pricing pages of Lambda, API Gateway, S3, Secrets Manager and ECR on the date below. Other regions cost
 * somewhat more; prices change rarely, but do check them before relying on an estimate.
 */
public final class PriceList {

    public static final LocalDate DATE = LocalDate.of(2025, 6, 1);
    public static final String REGION = "us-east-1";

    /** Per million invocations. */
    public static final BigDecimal LAMBDA_REQUESTS_PER_MILLION = new BigDecimal("0.20");
    /** Per GB-second of memory × duration (first 6 billion GB-seconds a month). */
    public static final BigDecimal LAMBDA_GB_SECOND_X86_64 = new BigDecimal("0.0000166667");
    public static final BigDecimal LAMBDA_GB_SECOND_ARM64 = new BigDecimal("0.0000133334");
    /** Per GB-second of ephemeral storage above the included 512 MB. */
    public static final BigDecimal LAMBDA_EPHEMERAL_GB_SECOND = new BigDecimal("0.0000000309");
    /** HTTP API, per million requests of up to 512 KB (first 300 million a month). */
    public static final BigDecimal HTTP_API_REQUESTS_PER_MILLION = new BigDecimal("1.00");
    /** S3 Standard, per GB-month (first 50 TB). */
    public static final BigDecimal S3_STANDARD_GB_MONTH = new BigDecimal("0.023");
    /** Per secret and month. */
    public static final BigDecimal SECRET_MONTH = new BigDecimal("0.40");
    /** ECR private repository storage, per GB-month. */
    public static final BigDecimal ECR_GB_MONTH = new BigDecimal("0.10");

    private PriceList() {
    }
}
