package dev.athenaeum.deploy.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One item of the estimate.
 *
 * @param quantity how much is used, in words, e.g. "1,000,000 GB-seconds"
 * @param price    the unit price used, in words, e.g. "$0.0000166667 per GB-second"
 * @param monthly  US dollars a month, unrounded
 */
public record CostLine(String item, String quantity, String price, BigDecimal monthly) {

    @Override
    public String toString() {
        return String.format("%-32s %-28s %-36s $%s", item, quantity, price,
                monthly.setScale(2, RoundingMode.HALF_UP).toPlainString());
    }
}
