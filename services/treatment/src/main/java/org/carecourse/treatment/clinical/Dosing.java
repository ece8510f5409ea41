package org.carecourse.treatment.clinical;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.carecourse.servicekit.domain.InvalidFieldException;

/** IV ketamine dosing: mg/kg × actual body weight, rounded to 0.1 mg, checked against the protocol. */
public final class Dosing {

    private Dosing() {
    }

    public static Dose calculate(BigDecimal mgPerKg, BigDecimal weightKg, TreatmentProtocol protocol) {
        if (mgPerKg.compareTo(BigDecimal.valueOf(protocol.dosing().minMgPerKg())) < 0
                || mgPerKg.compareTo(BigDecimal.valueOf(protocol.dosing().maxMgPerKg())) > 0) {
            throw new InvalidFieldException("mgPerKg", "the protocol allows " + protocol.dosing().minMgPerKg() + " to "
                    + protocol.dosing().maxMgPerKg() + " mg/kg");
        }
        if (weightKg.signum() <= 0) {
            throw new InvalidFieldException("weightKg", "must be positive");
        }
        BigDecimal mg = mgPerKg.multiply(weightKg).setScale(1, RoundingMode.HALF_UP);
        return new Dose(mg, mgPerKg, weightKg, mg.compareTo(BigDecimal.valueOf(protocol.dosing().capMg())) > 0);
    }
}
