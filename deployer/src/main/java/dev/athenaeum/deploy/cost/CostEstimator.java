package dev.athenaeum.deploy.cost;

import dev.athenaeum.deploy.template.Architecture;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Estimates a deployment's monthly cost from {@link PriceList}'s prices. */
public final class CostEstimator {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);
    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);
    private static final MathContext MC = MathContext.DECIMAL64;

    private CostEstimator() {
    }

    public static CostEstimate estimate(CostInputs in) {
        List<CostLine> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        BigDecimal requests = BigDecimal.valueOf(in.monthlyRequests());
        BigDecimal millions = requests.divide(MILLION, MC);
        BigDecimal seconds = requests.multiply(BigDecimal.valueOf(in.averageDurationMs())).divide(BigDecimal.valueOf(1000), MC);

        lines.add(new CostLine("Lambda requests", count(in.monthlyRequests()) + " requests",
                "$" + PriceList.LAMBDA_REQUESTS_PER_MILLION + " per million",
                millions.multiply(PriceList.LAMBDA_REQUESTS_PER_MILLION, MC)));

        BigDecimal gbSeconds = seconds.multiply(BigDecimal.valueOf(in.memoryMb()), MC).divide(MB_PER_GB, MC);
        BigDecimal gbSecondPrice = in.architecture() == Architecture.ARM64
                ? PriceList.LAMBDA_GB_SECOND_ARM64 : PriceList.LAMBDA_GB_SECOND_X86_64;
        lines.add(new CostLine("Lambda compute (" + in.architecture().lambdaName() + ")",
                decimal(gbSeconds) + " GB-seconds", "$" + gbSecondPrice.toPlainString() + " per GB-second",
                gbSeconds.multiply(gbSecondPrice, MC)));

        if (in.ephemeralStorageMb() > 512) {
            BigDecimal storageGbSeconds = seconds.multiply(BigDecimal.valueOf(in.ephemeralStorageMb() - 512L), MC)
                    .divide(MB_PER_GB, MC);
            lines.add(new CostLine("Lambda storage above 512 MB", decimal(storageGbSeconds) + " GB-seconds",
                    "$" + PriceList.LAMBDA_EPHEMERAL_GB_SECOND.toPlainString() + " per GB-second",
                    storageGbSeconds.multiply(PriceList.LAMBDA_EPHEMERAL_GB_SECOND, MC)));
        }

        if (in.frontDoor().hasHttpApi()) {
            lines.add(new CostLine("API Gateway HTTP API", count(in.monthlyRequests()) + " requests",
                    "$" + PriceList.HTTP_API_REQUESTS_PER_MILLION + " per million",
                    millions.multiply(PriceList.HTTP_API_REQUESTS_PER_MILLION, MC)));
            if (in.frontDoor().hasFunctionUrl()) {
                notes.add("every request is counted as going through the HTTP API; those through the Function URL"
                        + " cost no API Gateway fee");
            }
        } else {
            notes.add("a Function URL costs nothing beyond the function itself");
        }

        BigDecimal indexGb = BigDecimal.valueOf(in.indexBytes()).divide(GIB, MC);
        lines.add(new CostLine("S3 index storage", decimal(indexGb) + " GB",
                "$" + PriceList.S3_STANDARD_GB_MONTH + " per GB-month", indexGb.multiply(PriceList.S3_STANDARD_GB_MONTH, MC)));
        if (in.secret()) {
            lines.add(new CostLine("Secrets Manager (OpenAI key)", "1 secret",
                    "$" + PriceList.SECRET_MONTH + " per secret-month", PriceList.SECRET_MONTH));
        }
        BigDecimal imageGb = BigDecimal.valueOf(in.imageBytes()).divide(GIB, MC);
        lines.add(new CostLine("ECR image storage", decimal(imageGb) + " GB",
                "$" + PriceList.ECR_GB_MONTH + " per GB-month", imageGb.multiply(PriceList.ECR_GB_MONTH, MC)));

        notes.add("not included: CloudWatch Logs, data transfer out, S3 requests at cold starts, OpenAI usage");
        return new CostEstimate(lines, notes);
    }

    private static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }

    private static String decimal(BigDecimal v) {
        if (v.compareTo(BigDecimal.TEN) < 0) {
            return v.setScale(3, java.math.RoundingMode.HALF_UP).toPlainString();
        }
        NumberFormat f = NumberFormat.getIntegerInstance(Locale.ROOT);
        f.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return f.format(v);
    }
}
