package org.carecourse.scheduling.booking.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.carecourse.scheduling.patient.query.PatientTreatmentCopies;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.junit.jupiter.api.Test;

class BookingGatesTest {

    private static final LocalDate VALID_UNTIL = LocalDate.of(2027, 5, 5);
    private static final Optional<PatientTreatmentCopies.Eligibility> ELIGIBLE_IV = Optional.of(
            new PatientTreatmentCopies.Eligibility("iv-ketamine", "eligible", VALID_UNTIL));
    private static final Optional<PatientTreatmentCopies.Course> IV_COURSE = Optional.of(new PatientTreatmentCopies.Course(
            UUID.randomUUID(), new PatientTreatmentCopies.Plan(6, 21, 24), null));

    private static String gate(AppointmentType type, LocalDate day, Optional<PatientTreatmentCopies.Eligibility> decision,
            Optional<PatientTreatmentCopies.Course> course) {
        return gate(type, day, decision, course, false);
    }

    private static String gate(AppointmentType type, LocalDate day, Optional<PatientTreatmentCopies.Eligibility> decision,
            Optional<PatientTreatmentCopies.Course> course, boolean enrolled) {
        try {
            BookingGates.check(type, day, decision, course, enrolled);
            return "";
        } catch (BusinessRuleViolation refused) {
            return refused.rule();
        }
    }

    @Test
    void anInfusionNeedsAnEligibleDecisionForTheModalityValidOnTheDayAndAnOpenCourse() {
        assertThat(gate(AppointmentType.IV_INFUSION, VALID_UNTIL, ELIGIBLE_IV, IV_COURSE)).as("the last valid day").isEmpty();
        assertThat(gate(AppointmentType.BOOSTER, VALID_UNTIL.plusDays(1), ELIGIBLE_IV, IV_COURSE)).isEqualTo("eligibility-expired");
        assertThat(gate(AppointmentType.IV_INFUSION, VALID_UNTIL, Optional.empty(), IV_COURSE)).isEqualTo("eligibility-required");
        assertThat(gate(AppointmentType.IV_INFUSION, VALID_UNTIL, ELIGIBLE_IV, Optional.empty())).isEqualTo("course-required");
        assertThat(gate(AppointmentType.IV_INFUSION, VALID_UNTIL, Optional.of(new PatientTreatmentCopies.Eligibility("iv-ketamine",
                "needs-review", VALID_UNTIL)), IV_COURSE)).isEqualTo("eligibility-required");
    }

    @Test
    void spravatoNeedsTheRemsEnrolmentBesidesEligibilityAndACourse() {
        Optional<PatientTreatmentCopies.Eligibility> spravato = Optional.of(new PatientTreatmentCopies.Eligibility("spravato",
                "eligible", VALID_UNTIL));
        assertThat(gate(AppointmentType.SPRAVATO, VALID_UNTIL, spravato, IV_COURSE, false)).isEqualTo("rems-enrolment-required");
        assertThat(gate(AppointmentType.SPRAVATO, VALID_UNTIL, spravato, IV_COURSE, true)).isEmpty();
    }

    @Test
    void spravatoNeedsAnEligibilityForSpravatoAndAConsultNeedsNothing() {
        assertThat(gate(AppointmentType.SPRAVATO, VALID_UNTIL, ELIGIBLE_IV, IV_COURSE)).isEqualTo("eligibility-required");
        assertThat(gate(AppointmentType.CONSULT, VALID_UNTIL.plusYears(1), Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void aCourseOnHoldBooksNothingUntilTheHoldIsLifted() {
        Optional<PatientTreatmentCopies.Course> held = Optional.of(new PatientTreatmentCopies.Course(UUID.randomUUID(),
                new PatientTreatmentCopies.Plan(6, 21, 24), "eligibility-ineligible"));
        assertThat(gate(AppointmentType.IV_INFUSION, VALID_UNTIL, ELIGIBLE_IV, held)).isEqualTo("course-on-hold");
        assertThat(gate(AppointmentType.IV_INFUSION, VALID_UNTIL.plusDays(1), ELIGIBLE_IV, held)).as("expiry is named first")
                .isEqualTo("eligibility-expired");
    }
}
