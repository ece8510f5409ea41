package org.carecourse.operations.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.carecourse.operations.OperationsAccess;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditors' views: find a patient (by id, or by exact identifying details, sent in a form's
 * body so they stay out of URLs and logs), list their treatment courses, and open a course's
 * replay as it stood at any instant, its timeline and the verification of its hash chain. All
 * of it is read live from consultations and treatment with the auditor's own token; operations
 * staff are refused here (403): these pages show names.
 */
@Controller
@PreAuthorize(OperationsAccess.PATIENT_RECORDS)
class AuditPages {

    private static final String CLIENT = "carecourse";

    private final AuditSources sources;

    AuditPages(AuditSources sources) {
        this.sources = sources;
    }

    record PatientSearch(@NotBlank @Size(max = 100) String givenName, @NotBlank @Size(max = 100) String familyName,
            @NotNull @Past LocalDate dateOfBirth,
            @NotBlank @Size(max = 30) @Pattern(regexp = "\\+?[0-9 ()-]{7,20}", message = "must be a phone number") String phone) {
    }

    /** Who is signed in, for every page's header. */
    @ModelAttribute("staff")
    StaffMember staff() {
        return StaffMember.current();
    }

    @GetMapping("/audit")
    String search() {
        return "audit/search";
    }

    @GetMapping(path = "/audit", params = "patientId")
    String byId(@RequestParam UUID patientId) {
        return "redirect:/audit/patients/" + patientId;
    }

    @PostMapping("/audit/search")
    String find(@Valid @ModelAttribute PatientSearch search, BindingResult invalid, Model model,
            @RegisteredOAuth2AuthorizedClient(CLIENT) OAuth2AuthorizedClient client) {
        if (invalid.hasErrors()) {
            model.addAttribute("problem", "Check " + String.join(", ", invalid.getFieldErrors().stream().map(e -> e.getField()).toList()));
            return "audit/search";
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("givenName", search.givenName());
        details.put("familyName", search.familyName());
        details.put("dateOfBirth", search.dateOfBirth().toString());
        details.put("phone", search.phone());
        AuditSources.Answer found = sources.findPatient(token(client), details);
        if (!found.ok()) {
            model.addAttribute("problem", "Consultations refused the search (" + found.status() + ").");
            return "audit/search";
        }
        if (found.body().isEmpty()) {
            model.addAttribute("problem", "No patient matches those details exactly.");
            return "audit/search";
        }
        return "redirect:/audit/patients/" + found.body().get(0).get("patientId").asString();
    }

    @GetMapping("/audit/patients/{patientId}")
    String patient(@PathVariable UUID patientId, Model model, @RegisteredOAuth2AuthorizedClient(CLIENT) OAuth2AuthorizedClient client) {
        String token = token(client);
        model.addAttribute("patientId", patientId);
        model.addAttribute("patient", sources.patient(token, patientId));
        model.addAttribute("courses", sources.courses(token, patientId));
        return "audit/patient";
    }

    @GetMapping("/audit/courses/{courseId}")
    String course(@PathVariable UUID courseId, @RequestParam(required = false) Instant asOf, Model model,
            @RegisteredOAuth2AuthorizedClient(CLIENT) OAuth2AuthorizedClient client) {
        String token = token(client);
        model.addAttribute("courseId", courseId);
        model.addAttribute("asOf", asOf);
        model.addAttribute("course", sources.course(token, courseId, asOf));
        model.addAttribute("timeline", sources.timeline(token, courseId));
        model.addAttribute("verification", sources.verification(token, courseId));
        return "audit/course";
    }

    private static String token(OAuth2AuthorizedClient client) {
        return client.getAccessToken().getTokenValue();
    }
}
