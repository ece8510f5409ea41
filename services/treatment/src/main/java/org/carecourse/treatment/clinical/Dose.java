package org.carecourse.treatment.clinical;

import java.math.BigDecimal;

/** A weight-based dose: mg rounded to 0.1 mg, the mg/kg it came from and whether it exceeds the cap. */
public record Dose(BigDecimal mg, BigDecimal mgPerKg, BigDecimal weightKg, boolean aboveCap) {
}
