package org.carecourse.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.carecourse.contracts.billing.BillingTopics;
import org.carecourse.contracts.billing.ChargePosted;
import org.carecourse.contracts.billing.ChargeVoided;
import org.carecourse.contracts.billing.CreditConsumed;
import org.carecourse.contracts.billing.CreditNoteIssued;
import org.carecourse.contracts.billing.InvoiceIssued;
import org.carecourse.contracts.billing.PackagePurchased;
import org.carecourse.contracts.billing.PaymentReceived;
import org.carecourse.contracts.billing.RefundIssued;
import org.carecourse.contracts.consultations.ConsultationCompleted;
import org.carecourse.contracts.consultations.ConsultationRequested;
import org.carecourse.contracts.consultations.ConsultationsTopics;
import org.carecourse.contracts.consultations.PatientDetailsChanged;
import org.carecourse.contracts.consultations.PatientRegistered;
import org.carecourse.contracts.scheduling.AppointmentBooked;
import org.carecourse.contracts.scheduling.AppointmentCancelled;
import org.carecourse.contracts.scheduling.AppointmentCompleted;
import org.carecourse.contracts.scheduling.AppointmentNoShowed;
import org.carecourse.contracts.scheduling.AppointmentRescheduled;
import org.carecourse.contracts.scheduling.ChairAdded;
import org.carecourse.contracts.scheduling.ClinicHoursSet;
import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.contracts.scheduling.PatientCheckedIn;
import org.carecourse.contracts.scheduling.SchedulingTopics;
import org.carecourse.contracts.scheduling.SeriesBooked;
import org.carecourse.contracts.scheduling.StaffAssigned;
import org.carecourse.contracts.scheduling.WaitlistSlotOffered;
import org.carecourse.contracts.screening.EligibilityDecided;
import org.carecourse.contracts.screening.InstrumentScored;
import org.carecourse.contracts.screening.SafetyAlertRaised;
import org.carecourse.contracts.screening.SafetyAlertResolved;
import org.carecourse.contracts.screening.ScreeningCaseOpened;
import org.carecourse.contracts.screening.ScreeningTopics;
import org.carecourse.contracts.treatment.AdverseEventReported;
import org.carecourse.contracts.treatment.CourseClosed;
import org.carecourse.contracts.treatment.CourseHeld;
import org.carecourse.contracts.treatment.CourseHoldLifted;
import org.carecourse.contracts.treatment.CourseSafetyAlertRaised;
import org.carecourse.contracts.treatment.CourseSafetyAlertResolved;
import org.carecourse.contracts.treatment.CourseTransferred;
import org.carecourse.contracts.treatment.DoseHeld;
import org.carecourse.contracts.treatment.InfusionAdministered;
import org.carecourse.contracts.treatment.OutcomeRecorded;
import org.carecourse.contracts.treatment.PhaseChanged;
import org.carecourse.contracts.treatment.RemsFormDue;
import org.carecourse.contracts.treatment.RemsFormSubmitted;
import org.carecourse.contracts.treatment.RemsPatientEnrolled;
import org.carecourse.contracts.treatment.SessionAborted;
import org.carecourse.contracts.treatment.SessionCompleted;
import org.carecourse.contracts.treatment.SessionEntryAmended;
import org.carecourse.contracts.treatment.SessionStarted;
import org.carecourse.contracts.treatment.TreatmentCourseOpened;
import org.carecourse.contracts.treatment.TreatmentTopics;

/** The catalog of integration event types: the single place a payload gets its wire name. */
public final class EventTypes {

    public static final List<EventType<?>> ALL = List.of(
            new EventType<>("PatientRegistered", 1, ConsultationsTopics.PATIENT, PatientRegistered.class),
            new EventType<>("PatientDetailsChanged", 1, ConsultationsTopics.PATIENT, PatientDetailsChanged.class),
            new EventType<>("ConsultationRequested", 1, ConsultationsTopics.CONSULTATION, ConsultationRequested.class),
            new EventType<>("ConsultationCompleted", 1, ConsultationsTopics.CONSULTATION, ConsultationCompleted.class),
            new EventType<>("ClinicRegistered", 1, SchedulingTopics.CLINIC, ClinicRegistered.class),
            new EventType<>("ChairAdded", 1, SchedulingTopics.CLINIC, ChairAdded.class),
            new EventType<>("StaffAssigned", 1, SchedulingTopics.CLINIC, StaffAssigned.class),
            new EventType<>("ClinicHoursSet", 1, SchedulingTopics.CLINIC, ClinicHoursSet.class),
            new EventType<>("AppointmentBooked", 1, SchedulingTopics.APPOINTMENT, AppointmentBooked.class),
            new EventType<>("SeriesBooked", 1, SchedulingTopics.APPOINTMENT, SeriesBooked.class),
            new EventType<>("AppointmentRescheduled", 1, SchedulingTopics.APPOINTMENT, AppointmentRescheduled.class),
            new EventType<>("AppointmentCancelled", 1, SchedulingTopics.APPOINTMENT, AppointmentCancelled.class),
            new EventType<>("PatientCheckedIn", 1, SchedulingTopics.APPOINTMENT, PatientCheckedIn.class),
            new EventType<>("AppointmentNoShowed", 1, SchedulingTopics.APPOINTMENT, AppointmentNoShowed.class),
            new EventType<>("AppointmentCompleted", 1, SchedulingTopics.APPOINTMENT, AppointmentCompleted.class),
            new EventType<>("WaitlistSlotOffered", 1, SchedulingTopics.APPOINTMENT, WaitlistSlotOffered.class),
            new EventType<>("ScreeningCaseOpened", 1, ScreeningTopics.SCREENING_CASE, ScreeningCaseOpened.class),
            new EventType<>("InstrumentScored", 1, ScreeningTopics.SCREENING_CASE, InstrumentScored.class),
            new EventType<>("SafetyAlertRaised", 1, ScreeningTopics.SCREENING_CASE, SafetyAlertRaised.class),
            new EventType<>("SafetyAlertResolved", 1, ScreeningTopics.SCREENING_CASE, SafetyAlertResolved.class),
            new EventType<>("EligibilityDecided", 1, ScreeningTopics.SCREENING_CASE, EligibilityDecided.class),
            new EventType<>("TreatmentCourseOpened", 1, TreatmentTopics.COURSE, TreatmentCourseOpened.class),
            new EventType<>("SessionStarted", 1, TreatmentTopics.COURSE, SessionStarted.class),
            new EventType<>("DoseHeld", 1, TreatmentTopics.COURSE, DoseHeld.class),
            new EventType<>("InfusionAdministered", 1, TreatmentTopics.COURSE, InfusionAdministered.class),
            new EventType<>("AdverseEventReported", 1, TreatmentTopics.COURSE, AdverseEventReported.class),
            new EventType<>("SessionCompleted", 1, TreatmentTopics.COURSE, SessionCompleted.class),
            new EventType<>("SessionAborted", 1, TreatmentTopics.COURSE, SessionAborted.class),
            new EventType<>("SessionEntryAmended", 1, TreatmentTopics.COURSE, SessionEntryAmended.class),
            new EventType<>("OutcomeRecorded", 1, TreatmentTopics.COURSE, OutcomeRecorded.class),
            new EventType<>("PhaseChanged", 1, TreatmentTopics.COURSE, PhaseChanged.class),
            new EventType<>("CourseTransferred", 1, TreatmentTopics.COURSE, CourseTransferred.class),
            new EventType<>("CourseClosed", 1, TreatmentTopics.COURSE, CourseClosed.class),
            new EventType<>("CourseHeld", 1, TreatmentTopics.COURSE, CourseHeld.class),
            new EventType<>("CourseHoldLifted", 1, TreatmentTopics.COURSE, CourseHoldLifted.class),
            new EventType<>("RemsFormDue", 1, TreatmentTopics.COURSE, RemsFormDue.class),
            new EventType<>("RemsFormSubmitted", 1, TreatmentTopics.COURSE, RemsFormSubmitted.class),
            new EventType<>("RemsPatientEnrolled", 1, TreatmentTopics.COURSE, RemsPatientEnrolled.class),
            new EventType<>("CourseSafetyAlertRaised", 1, TreatmentTopics.COURSE, CourseSafetyAlertRaised.class),
            new EventType<>("CourseSafetyAlertResolved", 1, TreatmentTopics.COURSE, CourseSafetyAlertResolved.class),
            new EventType<>("ChargePosted", 1, BillingTopics.ACCOUNT, ChargePosted.class),
            new EventType<>("ChargeVoided", 1, BillingTopics.ACCOUNT, ChargeVoided.class),
            new EventType<>("PackagePurchased", 1, BillingTopics.ACCOUNT, PackagePurchased.class),
            new EventType<>("CreditConsumed", 1, BillingTopics.ACCOUNT, CreditConsumed.class),
            new EventType<>("InvoiceIssued", 1, BillingTopics.ACCOUNT, InvoiceIssued.class),
            new EventType<>("PaymentReceived", 1, BillingTopics.ACCOUNT, PaymentReceived.class),
            new EventType<>("RefundIssued", 1, BillingTopics.ACCOUNT, RefundIssued.class),
            new EventType<>("CreditNoteIssued", 1, BillingTopics.ACCOUNT, CreditNoteIssued.class));

    private static final Map<Class<?>, EventType<?>> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::payloadClass, Function.identity()));
    private static final Map<String, EventType<?>> BY_WIRE_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(t -> wireName(t.name(), t.schemaVersion()), Function.identity()));

    private EventTypes() {
    }

    public static EventType<?> of(Class<?> payloadClass) {
        EventType<?> type = BY_CLASS.get(payloadClass);
        if (type == null) {
            throw new IllegalArgumentException(payloadClass.getName() + " is not a registered integration event payload");
        }
        return type;
    }

    public static Optional<EventType<?>> find(String name, int schemaVersion) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName(name, schemaVersion)));
    }

    private static String wireName(String name, int version) {
        return name + ".v" + version;
    }
}
