package dev.athenaeum.deploy.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** An estimate of the monthly bill, with the prices it used and what it leaves out. */
public record CostEstimate(List<CostLine> lines, List<String> notes) {

    public CostEstimate {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    public BigDecimal total() {
        return lines.stream().map(CostLine::monthly).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The estimate as a small table, for a terminal or a wizard page. */
    public String describe() {
        StringBuilder b = new StringBuilder("Estimated monthly cost (" + PriceList.REGION + " list prices of "
                + PriceList.DATE + ", no free tier):\n");
        lines.forEach(l -> b.append("  ").append(l).append('\n'));
        b.append("  total about $").append(total().setScale(2, RoundingMode.HALF_UP).toPlainString()).append(" a month\n");
        notes.forEach(n -> b.append("  note: ").append(n).append('\n'));
        return b.toString();
    }
}
