package org.carecourse.scheduling.clinic.api;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an appointment is for, and so the kind of chair or room it needs, the modality it treats
 * (none for a consult) and the settings a clinic starts from until its admins set its own
 * (infusion of 40 min plus 30 min observation; Spravato's observation of at least 2 h).
 */
public enum AppointmentType implements Coded {
    CONSULT("consult", Capability.CONSULT, null,
            new TypeSettings(30, 10, StaffRole.PRESCRIBER, "No preparation is needed.")),
    IV_INFUSION("iv-infusion", Capability.IV_INFUSION, "iv-ketamine", new TypeSettings(70, 15, StaffRole.NURSE, Instructions.INFUSION)),
    BOOSTER("booster", Capability.IV_INFUSION, "iv-ketamine", new TypeSettings(70, 15, StaffRole.NURSE, Instructions.INFUSION)),
    SPRAVATO("spravato", Capability.SPRAVATO_OBSERVATION, "spravato", new TypeSettings(120, 15, StaffRole.NURSE,
            "Nothing to eat for 2 hours and nothing to drink for 30 minutes before. Arrange a ride home: no driving until"
                    + " the next day after a night's sleep."));

    /** Spravato's REMS: the patient is observed for at least two hours after the dose. */
    public static final int SPRAVATO_MINIMUM_MINUTES = 120;

    private final String code;
    private final Capability needs;
    private final String modality;
    private final TypeSettings defaults;

    AppointmentType(String code, Capability needs, String modality, TypeSettings defaults) {
        this.code = code;
        this.needs = needs;
        this.modality = modality;
        this.defaults = defaults;
    }

    /** The treatment modality ({@code iv-ketamine}, {@code spravato}); null for a consult. */
    public String modality() {
        return modality;
    }

    public TypeSettings defaults() {
        return defaults;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public Capability needs() {
        return needs;
    }

    private static final class Instructions {
        static final String INFUSION = "Nothing to eat for 6 hours before (clear fluids until 2 hours before). Bring an escort"
                + " who drives you home: no driving until the next day.";
    }

    @JsonCreator
    public static AppointmentType fromCode(String code) {
        return Coded.parse(values(), code, "appointment type");
    }
}
