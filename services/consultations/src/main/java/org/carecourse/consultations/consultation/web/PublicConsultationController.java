package org.carecourse.consultations.consultation.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.carecourse.consultations.consultation.api.Channel;
import org.carecourse.consultations.consultation.api.Condition;
import org.carecourse.consultations.consultation.api.ContactPreference;
import org.carecourse.consultations.consultation.api.ReferralSource;
import org.carecourse.consultations.consultation.api.RequestConsultationCommand;
import org.carecourse.consultations.consultation.query.ClinicDirectory;
import org.carecourse.consultations.patient.web.PatientBody;
import org.carecourse.consultations.patient.registration.PatientRegistration;
import org.carecourse.contracts.Actor;
import org.carecourse.contracts.FieldLimits;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clinic website's consultation form: public, rate-limited per client, validated like any
 * request. The request lands in the preferred clinic's intake queue; the response reveals
 * nothing about whether the person was already a patient.
 */
@RestController
class PublicConsultationController {

    static final Actor WEB_FORM = new Actor("public-web-form", "public");

    private final PublicIntakeRateLimiter rateLimiter;
    private final PatientRegistration registration;
    private final ClinicDirectory clinics;
    private final CommandDispatch commands;
    private final Clock clock;

    PublicConsultationController(PublicIntakeRateLimiter rateLimiter, PatientRegistration registration,
            ClinicDirectory clinics, CommandDispatch commands, Clock clock) {
        this.rateLimiter = rateLimiter;
        this.registration = registration;
        this.clinics = clinics;
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/public/consultation-requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Received request(@Valid @RequestBody PublicRequestBody body, HttpServletRequest http) {
        if (!rateLimiter.tryAcquire(http.getRemoteAddr())) {
            throw new TooManyRequests();
        }
        clinics.requireZone(body.preferredClinicId());
        String correlationId = UUID.randomUUID().toString();
        UUID patientId = registration.matchOrRegister(WEB_FORM, correlationId, body.patient().toDetails(), body.preferredClinicId());
        UUID consultationId = UUID.randomUUID();
        commands.sendAs(WEB_FORM, body.preferredClinicId(), correlationId, new RequestConsultationCommand(consultationId,
                patientId, body.preferredClinicId(), body.conditions(), body.contactPreference(), body.referralSource(),
                Channel.WEB, clock.instant()));
        return new Received(consultationId);
    }

    @ExceptionHandler(TooManyRequests.class)
    ProblemDetail tooManyRequests() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "too many requests from this address; try again in a minute");
        problem.setTitle("Too many requests");
        return problem;
    }

    record PublicRequestBody(@NotNull @Valid PatientBody patient, @NotEmpty @Size(max = FieldLimits.LIST) List<@NotNull Condition> conditions,
            @NotNull UUID preferredClinicId, @NotNull ContactPreference contactPreference, ReferralSource referralSource) {
    }

    /** The reference the form shows the person; the clinic calls back. */
    record Received(UUID reference) {
    }

    static final class TooManyRequests extends RuntimeException {
        TooManyRequests() {
            super("rate limited");
        }
    }
}
